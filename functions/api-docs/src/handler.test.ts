import { openApiDocumentSchema } from './api-route';

type Response = { statusCode: number; headers: Record<string, string>; body: string };
let handler: (event: unknown, context: unknown) => Promise<Response>;

const get = (query: Record<string, string> | null = null) => ({
  requestContext: { http: { method: 'GET' } },
  headers: {},
  queryStringParameters: query,
});

beforeAll(() => {
  Object.assign(process.env, { DATA_BUCKET: 'data-bucket', MODEL_BUCKET: 'model-bucket', MAX_IMAGES: '7', MAX_K: '9' });
  handler = require('./handler').handler;
});

describe('api-docs handler', () => {
  it('answers GET /openapi.json with the OpenAPI 3.1 document, relative to the host that served it', async () => {
    const res = await handler(get(), {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const document = JSON.parse(res.body);
    expect(openApiDocumentSchema.parse(document)).toEqual(document);
    expect(document).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/' }] });
    expect(Object.keys(document.paths)).toContain('/openapi.json');
  });

  it("states the deployment's limits (MAX_IMAGES, MAX_K) as the functions apply them", async () => {
    const { paths } = JSON.parse((await handler(get(), {})).body);
    const body = paths['/digits/predict'].post.requestBody.content['application/json'].schema;
    expect(body.properties.images).toMatchObject({ minItems: 1, maxItems: 7 });
    const k = paths['/stores/nearest'].get.parameters.find((p: { name: string }) => p.name === 'k');
    expect(k).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 9 } });
  });

  it('answers 400 naming a query parameter, as every route does', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await handler(get({ format: 'yaml' }), {});
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('unknown parameter "format": GET /openapi.json takes none');
  });
});
