import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { AppError, errorResponder, handlerOptions, UpstreamError } from '@serverless-ml/errors';
import { isHttpEvent, ok } from '@serverless-ml/http';
import { createS3Client, ModelRegistry, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { parseRegistryRequest } from './schema';

// Read-only S3 access: lists and small JSON reads. No ONNX Runtime is loaded (nor needed) here.
const config = loadConfig();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const registry = new ModelRegistry(new ModelStore(new ObjectStore(s3, config.modelBucket)));

async function describe(event: unknown) {
  const request = parseRegistryRequest(event);
  const result = await (request.kind === 'models'
    ? registry.listModels().then((models) => ({ models }))
    : registry.listVersions(request.name)
  ).catch((error: unknown) => {
    throw error instanceof AppError ? error : new UpstreamError('could not read the model registry from S3', error);
  });
  return ok(result, isHttpEvent(event));
}

/** `GET /models` (every model, its promoted version) and `GET /models/{name}` (versions with metrics). */
export const handler = middy(describe, handlerOptions).use(errorResponder());
