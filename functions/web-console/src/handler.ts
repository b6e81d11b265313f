import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { isHttpEvent, isRecord } from '@serverless-ml/http';
import files from 'console-assets';
import { serveAsset } from './serve-asset';

// No S3, no ONNX Runtime: the console's few files are built into this bundle (about 50 KB).
async function serve(event: unknown) {
  const params = isHttpEvent(event) && isRecord(event.pathParameters) ? event.pathParameters : {};
  return serveAsset(files, typeof params.file === 'string' ? params.file : undefined);
}

/** `GET /` (the console's index.html) and `GET /assets/{file}` (its hashed JS and CSS). */
export const handler = middy(serve, handlerOptions).use(errorResponder());
