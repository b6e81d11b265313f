import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import * as z from 'zod/mini';
import { forecastQueryParams, rainForecastSchema } from './schema';

/** `GET /rain-forecast` as the API describes it. */
export function rainForecastRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'GET',
      path: '/rain-forecast',
      function: 'rain-forecast',
      operationId: 'rainForecast',
      summary: 'Probability of rain tomorrow for a city or a latitude/longitude',
      description:
        'Say where with city (optionally country) or with lat and long (lng and lon are accepted), not both. ' +
        "Today's weather: all four of precipitation, temp_max, temp_min and wind, or a recorded date to replay; " +
        'offline deployments fetch no live weather. Browsers that prefer text/html get a page.',
      tags: ['rain'],
      query: forecastQueryParams,
      parameterExamples: { city: 'Seattle', date: '2015-03-01' },
      responses: {
        200: {
          description: 'the forecast (JSON, or HTML when the Accept header prefers it)',
          content: {
            'application/json': { schema: rainForecastSchema },
            'text/html': { schema: z.string() },
          },
        },
        ...errorResponses([400, 404, 409, 503, 504], {
          404: 'NotFoundError: no such city (with close matches) or rain version',
        }),
      },
    },
  ];
}
