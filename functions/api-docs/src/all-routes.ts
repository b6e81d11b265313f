import type { RouteDescriptor } from '@serverless-ml/api-spec';
import { batchRoutes } from '@serverless-ml/batch-scoring/api-route';
import { invocationsRoutes } from '@serverless-ml/invocations/api-route';
import { jobsRoutes } from '@serverless-ml/jobs/api-route';
import { digitsRoutes } from '@serverless-ml/ml-predict/api-route';
import { modelRegistryRoutes } from '@serverless-ml/model-registry/api-route';
import { nearestStoreRoutes } from '@serverless-ml/nearest-store/api-route';
import { rainForecastRoutes } from '@serverless-ml/rain-forecast/api-route';
import { webConsoleRoutes } from '@serverless-ml/web-console/api-route';
import { apiDocsRoutes } from './api-route';

/** The deployment's limits that the description states (MAX_IMAGES, MAX_K). */
export interface ApiSettings {
  maxImages: number;
  maxK: number;
}

/**
 * Every HTTP route of serverless.yml, each described next to its function (`src/api-route.ts`).
 * A new route adds its descriptor there and, for a new function, one line here; a unit test fails
 * until serverless.yml and this list agree.
 */
export function allRoutes(settings: ApiSettings): RouteDescriptor[] {
  return [
    ...digitsRoutes(settings),
    ...rainForecastRoutes(),
    ...nearestStoreRoutes(settings),
    ...invocationsRoutes(settings),
    ...modelRegistryRoutes(),
    ...jobsRoutes(),
    ...batchRoutes(),
    ...webConsoleRoutes(),
    ...apiDocsRoutes(),
  ];
}
