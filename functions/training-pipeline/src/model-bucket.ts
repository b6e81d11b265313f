import { loadConfig } from '@serverless-ml/config';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';

let store: ModelStore | undefined;

/** The model bucket's store, created once per container (config checked at first use). */
export function modelStore(): ModelStore {
  if (store) return store;
  const config = loadConfig();
  const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
  store = new ModelStore(new ObjectStore(s3, config.modelBucket));
  return store;
}
