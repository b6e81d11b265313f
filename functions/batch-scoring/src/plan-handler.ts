import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import * as z from 'zod/mini';
import { loadBuckets } from './buckets';
import { planBatch } from './plan-batch';
import { parseBatchRequest, parseStepInput, planKey } from './schema';

const buckets = loadBuckets();
const planInput = z.object({ request: z.unknown(), runId: z.string(), startedAt: z.string() });

/** Plan step: `{request, runId, startedAt}` → the pinned version and the shards; also kept as `batch/<runId>/plan.json`. */
export const handler = middy(async (event: unknown) => {
  const { request, runId, startedAt } = parseStepInput(planInput, event, 'Plan');
  const plan = await planBatch(
    parseBatchRequest(request),
    { runId, startedAt },
    { objects: buckets.csv, store: buckets.store },
  );
  await buckets.data.put(planKey(runId), JSON.stringify(plan), 'application/json');
  return plan;
}, handlerOptions).use(errorResponder());
