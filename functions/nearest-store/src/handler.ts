import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions, isHttpEvent } from '@serverless-ml/errors';
import { invocationParams, queryParamsOf } from '@serverless-ml/http';
import { createS3Client, ModelCache, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { findNearestStores } from './find-nearest-stores';
import { loadNearestSettings, parseNearestQuery } from './schema';
import { StoreIndexCache } from './store-index-cache';

const config = loadConfig();
const { maxK } = loadNearestSettings();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const store = new ModelStore(new ObjectStore(s3, config.modelBucket));
const log = (message: string) => console.log(`[nearest-store] ${message}`);
const stores = new StoreIndexCache(new ModelCache(store, 'stores', config.modelPointerTtlMs, log), store);

async function nearest(event: unknown) {
  const http = isHttpEvent(event);
  const query = parseNearestQuery(http ? queryParamsOf(event) : invocationParams(event), maxK);
  const result = await findNearestStores(query, await stores.get(query.version));
  return http
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) }
    : result;
}

/** `GET /stores/nearest?lat=…&long=…&k=…`, or a direct invocation with `{"lat", "long", "k"}`. */
export const handler = middy(nearest, handlerOptions).use(errorResponder());
