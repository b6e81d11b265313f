import { loadConfig } from '@serverless-ml/config';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { type CsvObjects, s3CsvObjects } from './csv-object';

/** The S3 access every batch function needs, created once per container (config checked at cold start). */
export interface Buckets {
  config: ReturnType<typeof loadConfig>;
  /** The model registry (model bucket). */
  store: ModelStore;
  /** The data bucket: CSV inputs by byte range, and the run's plan, parts and manifest. */
  csv: CsvObjects;
  data: ObjectStore;
}

let buckets: Buckets | undefined;

export function loadBuckets(): Buckets {
  if (buckets) return buckets;
  const config = loadConfig();
  const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
  buckets = {
    config,
    store: new ModelStore(new ObjectStore(s3, config.modelBucket)),
    csv: s3CsvObjects(s3, config.dataBucket),
    data: new ObjectStore(s3, config.dataBucket),
  };
  return buckets;
}
