import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import * as z from 'zod/mini';

const assetPathSchema = z.object({
  file: z.string().check(z.minLength(1), z.meta({ description: 'a hashed asset name from index.html' })),
});

/** The console's routes as the API describes them: the page and its built files. */
export function webConsoleRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'GET',
      path: '/',
      function: 'web-console',
      operationId: 'consolePage',
      summary: 'The web console (index.html): draw a digit, the models and their plots, rain, stores, this reference',
      tags: ['console'],
      responses: {
        200: { description: 'the page (revalidated: no-cache)', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses([400]),
      },
    },
    {
      method: 'GET',
      path: '/assets/{file}',
      function: 'web-console',
      operationId: 'consoleAsset',
      summary: "One of the console's hashed JS or CSS files (cached for a year)",
      tags: ['console'],
      pathParams: assetPathSchema,
      responses: {
        200: {
          description: 'the file',
          content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } },
        },
        ...errorResponses([400, 404], { 404: 'NotFoundError: no such asset' }),
      },
    },
  ];
}
