import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions, isHttpEvent, ValidationError } from '@serverless-ml/errors';
import { jsonObjectBody, refuseQueryParams } from '@serverless-ml/http';
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
  const http = isHttpEvent(event);
  if (http) refuseQueryParams(event, 'POST /digits/predict reads only its JSON body: send "version" there');
  const body = http ? jsonObjectBody(event) : event;
  const request = parsePredictRequest(body, config.maxImages);
  if (http && request.kind === 'test-set') {
    throw new ValidationError('POST /digits/predict needs a JSON body like {"images": [[64 numbers 0..16], ...]}');
  }
  const model = await digits.get(request.version);
  const result =
    request.kind === 'images' ? await predictImages(request.images, model) : await predictTestSet(model, store, log);
  return http
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) }
    : result;
}

/** Direct invoke (`{}` → the stored test set, `{"images": …}`) and `POST /digits/predict`. */
export const handler = middy(predict, handlerOptions).use(errorResponder());
