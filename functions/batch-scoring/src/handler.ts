import { SFNClient } from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import { errorResponder, handlerOptions, jsonResponse } from '@serverless-ml/errors';
import { stepFunctionsBatchExecutions } from './batch-executions';
import { parseBatchApiRequest } from './batch-request';
import { type BatchDeps, readBatch, startBatch } from './batch-runs';
import { loadBatchSettings } from './batch-settings';
import { loadBuckets } from './buckets';

const buckets = loadBuckets();
const settings = loadBatchSettings();
const sfn = new SFNClient({
  region: buckets.config.region,
  endpoint: settings.endpoint,
  credentials: settings.credentials,
});
const deps: BatchDeps = {
  executions: stepFunctionsBatchExecutions(sfn, settings.stateMachineArn),
  store: buckets.store,
  csv: buckets.csv,
  data: buckets.data,
  now: () => new Date(),
};

/** `POST /batch` starts a batch-scoring run (202); `GET /batch/{id}` reads its status and manifest. */
export const handler = middy(async (event: unknown) => {
  const request = parseBatchApiRequest(event);
  if (request.kind === 'start') return jsonResponse(202, await startBatch(request.request, deps));
  return jsonResponse(200, await readBatch(request.runId, deps));
}, handlerOptions).use(errorResponder());
