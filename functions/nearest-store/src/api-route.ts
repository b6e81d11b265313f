import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import { nearestQuerySchema, nearestStoresResultSchema } from './schema';

/** `GET /stores/nearest` as the API describes it; `maxK` is the deployment's MAX_K. */
export function nearestStoreRoutes(settings: { maxK: number }): RouteDescriptor[] {
  return [
    {
      method: 'GET',
      path: '/stores/nearest',
      function: 'nearest-store',
      operationId: 'nearestStores',
      summary: 'The k stores nearest to a latitude/longitude',
      description:
        'Exact great-circle order. The longitude may be sent as long, lng or lon (two that disagree are a 400). ' +
        'Values are trimmed of ASCII whitespace; an empty value, a control character or an unknown parameter is a 400.',
      tags: ['stores'],
      query: nearestQuerySchema(settings.maxK),
      parameterExamples: { lat: 39.153198, long: -77.066176, k: 3 },
      responses: {
        200: {
          description: 'the stores sorted by distance_km',
          content: { 'application/json': { schema: nearestStoresResultSchema } },
        },
        ...errorResponses([400, 404, 409, 503, 504], { 404: 'NotFoundError: no such stores version' }),
      },
    },
  ];
}
