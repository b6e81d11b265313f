import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { ok, readInput } from '@serverless-ml/http';
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
  const { http, params } = readInput(event, { from: 'query' });
  const query = parseNearestQuery(params, maxK);
  const result = await findNearestStores(query, await stores.get(query.version));
  return ok(result, http);
}

/** `GET /stores/nearest?lat=…&long=…&k=…`, or a direct invocation with `{"lat", "long", "k"}`. */
export const handler = middy(nearest, handlerOptions).use(errorResponder());
