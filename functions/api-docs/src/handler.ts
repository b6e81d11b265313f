import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { ok, refuseQueryParams } from '@serverless-ml/http';
import { loadNearestSettings } from '@serverless-ml/nearest-store/schema';
import { openApiDocument } from './openapi-document';

// Built once per container: the document depends only on the deployment's limits.
const document = openApiDocument({ maxImages: loadConfig().maxImages, maxK: loadNearestSettings().maxK });

async function describeApi(event: unknown) {
  refuseQueryParams(event, 'GET /openapi.json takes none');
  return ok(document, true);
}

/** `GET /openapi.json`: the API's OpenAPI 3.1 document, generated from the functions' zod schemas. */
export const handler = middy(describeApi, handlerOptions).use(errorResponder());
