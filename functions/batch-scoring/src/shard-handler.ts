import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { MAX_ROWS, modelCacheFactory, ServingModels } from '@serverless-ml/invocations';
import { loadBuckets } from './buckets';
import { parseStepInput, shardTaskSchema } from './schema';
import { scoreShard } from './score-shard';

const buckets = loadBuckets();
const log = (message: string) => console.log(`[batch-shard] ${message}`);
// One cache per container: a warm worker scores its next shard without loading the model again.
const models = new ServingModels(buckets.store, modelCacheFactory(buckets.config.modelPointerTtlMs, log), log);

/** ScoreShard (one Map item): the rows of one byte range → `batch/<runId>/part-<index>.csv`. */
export const handler = middy(async (event: unknown) => {
  const task = parseStepInput(shardTaskSchema, event, 'ScoreShard');
  return scoreShard(task, {
    models,
    maxRows: MAX_ROWS,
    objects: buckets.csv,
    putPart: (key, body) => buckets.data.put(key, body, 'text/csv'),
  });
}, handlerOptions).use(errorResponder());
