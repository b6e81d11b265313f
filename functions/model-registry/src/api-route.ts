import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import { modelListSchema, modelPathSchema, modelVersionsSchema } from './schema';

const NO_QUERY = 'Query parameters are refused (400): there are none.';

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
  ];
}
