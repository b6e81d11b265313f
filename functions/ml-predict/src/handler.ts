import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions, ValidationError } from '@serverless-ml/errors';
import { ok, readInput } from '@serverless-ml/http';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { ModelCache } from './model-cache';
import { predictImages, predictTestSet } from './predict-digits';
import { parsePredictRequest } from './schema';

const config = loadConfig();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const store = new ModelStore(new ObjectStore(s3, config.modelBucket));
const log = (message: string) => console.log(`[ml-predict] ${message}`);
const digits = new ModelCache(store, 'digits', config.modelPointerTtlMs, log);

async function predict(event: unknown) {
  const { http, body } = readInput(event, {
    from: 'body',
    queryHint: 'POST /digits/predict reads only its JSON body: send "version" there',
  });
  const request = parsePredictRequest(body, config.maxImages);
  if (http && request.kind === 'test-set') {
    throw new ValidationError('POST /digits/predict needs a JSON body like {"images": [[64 numbers 0..16], ...]}');
  }
  const model = await digits.get(request.version);
  const result =
    request.kind === 'images' ? await predictImages(request.images, model) : await predictTestSet(model, store, log);
  return ok(result, http);
}

/** Direct invoke (`{}` → the stored test set, `{"images": …}`) and `POST /digits/predict`. */
export const handler = middy(predict, handlerOptions).use(errorResponder());
