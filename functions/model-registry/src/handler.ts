import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { AppError, errorResponder, handlerOptions, UpstreamError } from '@serverless-ml/errors';
import { isHttpEvent, ok } from '@serverless-ml/http';
import { createS3Client, ModelRegistry, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { parseRegistryRequest, type RegistryRequest } from './schema';
import { svgResponse } from './svg-response';

// Lists and small reads; promote and rollback write only the pointer (models/<name>/latest.json).
// No ONNX Runtime is loaded (nor needed) here.
const config = loadConfig();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const registry = new ModelRegistry(new ModelStore(new ObjectStore(s3, config.modelBucket)));

/** The registry call a request asks for: the same ModelRegistry methods as `pnpm ml models`. */
function run(request: RegistryRequest) {
  switch (request.kind) {
    case 'models':
      return registry.listModels().then((models) => ({ models }));
    case 'versions':
      return registry.listVersions(request.name);
    case 'plot':
      return registry.plot(request.name, request.version, request.plot);
    case 'promote':
      return registry.promote(request.name, request.version);
    case 'rollback':
      return registry.rollback(request.name);
  }
}

async function answer(event: unknown) {
  const request = parseRegistryRequest(event);
  const writes = request.kind === 'promote' || request.kind === 'rollback';
  const result = await run(request).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    const what = writes ? 'update the model registry in S3' : 'read the model registry from S3';
    throw new UpstreamError(`could not ${what}`, error);
  });
  if ('svg' in result) return svgResponse(result.svg);
  return ok(result, isHttpEvent(event));
}

/**
 * `GET /models`, `GET /models/{name}`, `GET /models/{name}/versions/{version}/plots/{id}.svg`,
 * `POST /models/{name}/promote` and `POST /models/{name}/rollback`.
 */
export const handler = middy(answer, handlerOptions).use(errorResponder());
