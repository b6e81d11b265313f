import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import * as z from 'zod/mini';

/** The OpenAPI document's own shape, as far as a client relies on it. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** `GET /openapi.json` as the API describes it. */
export function apiDocsRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'GET',
      path: '/openapi.json',
      function: 'api-docs',
      operationId: 'openApiDocument',
      summary: 'This API described as an OpenAPI 3.1 document',
      description: 'Generated from the zod schemas the functions validate with. Query parameters are refused (400).',
      tags: ['api'],
      responses: {
        200: { description: 'the document', content: { 'application/json': { schema: openApiDocumentSchema } } },
        ...errorResponses([400, 504]),
      },
    },
  ];
}
