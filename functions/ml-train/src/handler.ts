import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { readProvenance } from './provenance';
import { parseTrainEvent } from './schema';
import { trainModel } from './train-model';

const config = loadConfig();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const data = new ObjectStore(s3, config.dataBucket);
const models = new ModelStore(new ObjectStore(s3, config.modelBucket));
const log = (message: string) => console.log(`[ml-train] ${message}`);
// CODE_VERSION is set at deploy time: a Lambda bundle has no .git to ask.
const provenance = readProvenance(process.env);

/** Trains a model from the data bucket and publishes it to the model bucket. */
export const handler = middy(
  async (event: unknown) => trainModel(parseTrainEvent(event), { data, models, log, provenance }),
  handlerOptions,
).use(errorResponder());
