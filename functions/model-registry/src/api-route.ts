import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import * as z from 'zod/mini';
import {
  modelListSchema,
  modelPathSchema,
  modelVersionsSchema,
  plotPathSchema,
  promoteBodySchema,
  promotionSchema,
} from './schema';

const NO_QUERY = 'Query parameters are refused (400): there are none.';
const promotion = (description: string) => ({
  description,
  content: { 'application/json': { schema: promotionSchema } },
});

/** The registry's routes as the API describes them. */
export function modelRegistryRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'GET',
      path: '/models',
      function: 'model-registry',
      operationId: 'listModels',
      summary: 'Every model in the registry and its promoted version',
      description: NO_QUERY,
      tags: ['registry'],
      responses: {
        200: { description: 'the models', content: { 'application/json': { schema: modelListSchema } } },
        ...errorResponses([400, 503, 504]),
      },
    },
    {
      method: 'GET',
      path: '/models/{name}',
      function: 'model-registry',
      operationId: 'showModel',
      summary: "A model's versions with their metrics, the promoted one and its integrity",
      description: NO_QUERY,
      tags: ['registry'],
      pathParams: modelPathSchema,
      parameterExamples: { name: 'digits' },
      responses: {
        200: {
          description: 'the versions, oldest first',
          content: { 'application/json': { schema: modelVersionsSchema } },
        },
        ...errorResponses([400, 404, 503, 504], { 404: 'NotFoundError: no model of that name' }),
      },
    },
    {
      method: 'GET',
      path: '/models/{name}/versions/{version}/plots/{file}',
      function: 'model-registry',
      operationId: 'getPlot',
      summary: "A plot made at training time (`<id>.svg`, listed in the version's `plots`)",
      description: `${NO_QUERY} The bytes are checked against the sha256 metadata.json records.`,
      tags: ['registry'],
      pathParams: plotPathSchema,
      responses: {
        200: { description: 'the plot', content: { 'image/svg+xml': { schema: z.string() } } },
        ...errorResponses([400, 404, 409, 503, 504], {
          404: 'NotFoundError: no such model, version or plot',
          409: 'ModelIntegrityError: the plot is not the file metadata.json records',
        }),
      },
    },
    {
      method: 'POST',
      path: '/models/{name}/promote',
      function: 'model-registry',
      operationId: 'promoteVersion',
      summary: 'Verify a version (every file against its metadata) and make it the one served',
      description: `${NO_QUERY} The same code as \`pnpm ml models promote\`.`,
      tags: ['registry'],
      pathParams: modelPathSchema,
      parameterExamples: { name: 'digits' },
      body: { required: true, content: { 'application/json': { schema: promoteBodySchema } } },
      responses: {
        200: promotion('the promotion and the new pointer'),
        ...errorResponses([400, 404, 409, 413, 503, 504], {
          404: 'NotFoundError: no such model or version',
          409: 'ModelIntegrityError or RegistryConflictError: the version is incomplete or corrupt, or the pointer changed meanwhile',
        }),
      },
    },
    {
      method: 'POST',
      path: '/models/{name}/rollback',
      function: 'model-registry',
      operationId: 'rollbackModel',
      summary: 'Go back to the version promoted before the current one',
      description: `${NO_QUERY} The same code as \`pnpm ml models rollback\`. No body, or {}.`,
      tags: ['registry'],
      pathParams: modelPathSchema,
      parameterExamples: { name: 'digits' },
      responses: {
        200: promotion('the rollback and the new pointer'),
        ...errorResponses([400, 404, 409, 413, 503, 504], {
          404: 'NotFoundError: no such model',
          409: 'RegistryConflictError: nothing to roll back to, or the pointer changed meanwhile',
        }),
      },
    },
  ];
}
