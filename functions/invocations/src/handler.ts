import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { loadInvocationSettings, MAX_BODY_BYTES, MAX_ROWS } from './invocation-limits';
import { readInvocationRequest } from './invocation-request';
import { invokeModel } from './invoke-model';
import { sagemakerErrors } from './sagemaker-errors';
import { modelCacheFactory, ServingModels } from './serving-models';

const config = loadConfig();
const { maxK } = loadInvocationSettings();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const store = new ModelStore(new ObjectStore(s3, config.modelBucket));
const log = (message: string) => console.log(`[invocations] ${message}`);
const models = new ServingModels(store, modelCacheFactory(config.modelPointerTtlMs, log), log);

async function invocations(event: unknown) {
  const request = readInvocationRequest(event, { maxBodyBytes: MAX_BODY_BYTES, maxK });
  // SageMaker's health check: the function is up. It reads nothing, so it answers even before any training.
  if (request.kind === 'ping') {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' };
  }
  const { answer, model } = await invokeModel(request, { models, maxRows: MAX_ROWS });
  return {
    statusCode: 200,
    // The SDKs read this header as InvokedProductionVariant: here, the model version that answered.
    headers: { 'content-type': answer.contentType, 'x-amzn-invoked-production-variant': model.version },
    body: answer.body,
  };
}

/** `POST /endpoints/{name}/invocations` (SageMaker Runtime's InvokeEndpoint) for every model, and `GET /ping`. */
export const handler = middy(invocations, handlerOptions).use(sagemakerErrors()).use(errorResponder());
