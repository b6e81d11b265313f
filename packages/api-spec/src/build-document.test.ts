import { numberParam } from '@serverless-ml/http';
import * as z from 'zod/mini';
import { buildOpenApiDocument } from './build-document';
import { errorBodySchema, errorResponses } from './error-responses';
import type { RouteDescriptor } from './route-descriptor';
import { httpApiRoutes } from './serverless-routes';

const info = { title: 't', version: '1' };
const route: RouteDescriptor = {
  method: 'GET',
  path: '/things/{name}',
  function: 'things',
  operationId: 'getThing',
  summary: 'a thing',
  tags: ['things'],
  pathParams: z.object({ name: z.string().check(z.regex(/^[a-z]+$/)) }),
  query: z.strictObject({
    lat: numberParam({ min: -90, max: 90 }),
    k: z._default(numberParam({ min: 1, max: 5, whole: true }), 3),
  }),
  parameterExamples: { name: 'digits' },
  responses: {
    200: { description: 'ok', content: { 'application/json': { schema: z.object({ n: z.number() }) } } },
    ...errorResponses([400, 404]),
  },
};

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(info, [route]);
  const operation = document.paths['/things/{name}'].get as Record<string, never>;

  it('is OpenAPI 3.1 with a relative server URL, so it works on any host', () => {
    expect(document).toMatchObject({ openapi: '3.1.0', info, servers: [{ url: '/' }], tags: [{ name: 'things' }] });
  });

  it('describes a numberParam as the number it must be, with its bounds, and required when the schema says so', () => {
    expect(operation.parameters).toEqual([
      { name: 'name', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' }, example: 'digits' },
      { name: 'lat', in: 'query', required: true, schema: { type: 'number', minimum: -90, maximum: 90 } },
      { name: 'k', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 5, default: 3 } },
    ]);
  });

  it('gives every error status the one error body, and closed success bodies', () => {
    const responses = operation.responses as Record<string, { content: Record<string, { schema: unknown }> }>;
    expect(responses['200'].content['application/json'].schema).toEqual({
      type: 'object',
      properties: { n: { type: 'number' } },
      required: ['n'],
      additionalProperties: false,
    });
    expect(responses['404'].content['application/json'].schema).toMatchObject({
      required: ['error'],
      properties: { error: { required: ['type', 'message'] } },
    });
    expect(errorBodySchema.safeParse({ error: { type: 'NotFoundError', message: 'no' } }).success).toBe(true);
  });

  it('refuses a route described twice, and a status without a meaning', () => {
    expect(() => buildOpenApiDocument(info, [route, route])).toThrow('GET /things/{name} is described twice');
    expect(() => errorResponses([418])).toThrow('no meaning recorded for status 418');
  });
});

describe('httpApiRoutes', () => {
  it('reads the long and the short form of httpApi events, with their function', () => {
    const config = {
      functions: {
        a: { events: [{ httpApi: { method: 'get', path: '/a' } }, { schedule: 'rate(1 hour)' }] },
        b: { events: [{ httpApi: 'POST /b/{id}' }] },
        c: {},
      },
    };
    expect(httpApiRoutes(config)).toEqual([
      { method: 'GET', path: '/a', function: 'a' },
      { method: 'POST', path: '/b/{id}', function: 'b' },
    ]);
  });
});
