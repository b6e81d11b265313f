import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import * as z from 'zod/mini';
import { loadBuckets } from './buckets';
import { parseStepInput, partSchema, planSchema } from './schema';
import { writeManifest } from './write-manifest';

const buckets = loadBuckets();
const manifestInput = z.object({ plan: planSchema, parts: z.array(partSchema) });

/** Manifest step: the plan and the Map's parts → `batch/<runId>/manifest.json` (also the execution's output). */
export const handler = middy(async (event: unknown) => {
  const { plan, parts } = parseStepInput(manifestInput, event, 'Manifest');
  return writeManifest(plan, parts, {
    listKeys: async (prefix) => (await buckets.data.list(prefix)).keys,
    putJson: (key, body) => buckets.data.put(key, body, 'application/json'),
    now: () => new Date(),
  });
}, handlerOptions).use(errorResponder());
