import { ValidationError } from '@serverless-ml/errors';
import { isHttpEvent, isRecord, refuseQueryParams } from '@serverless-ml/http';
import { promotionRecordSchema } from '@serverless-ml/model-store/contract';
import { checkModelName, MODEL_NAME_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';

/** `GET /models` lists the models; `GET /models/{name}` lists one model's versions. */
export type RegistryRequest = { kind: 'models' } | { kind: 'versions'; name: string };

function request(name: unknown): RegistryRequest {
  if (name === undefined || name === null || name === '') return { kind: 'models' };
  if (typeof name !== 'string') throw new ValidationError('name must be a model name (a string), e.g. "digits"');
  return { kind: 'versions', name: checkModelName(name) };
}

/** Reads an API Gateway event (`pathParameters.name`) or a direct invocation (`{}` or `{"name": "digits"}`). */
export function parseRegistryRequest(event: unknown): RegistryRequest {
  if (isHttpEvent(event)) {
    refuseQueryParams(event, 'GET /models and GET /models/{name} take none');
    return request(isRecord(event.pathParameters) ? event.pathParameters.name : undefined);
  }
  if (event === undefined || event === null) return { kind: 'models' };
  if (!isRecord(event)) throw new ValidationError('send {} to list the models, or {"name": "digits"} for one model');
  const unknown = Object.keys(event).filter((key) => key !== 'name');
  if (unknown.length) throw new ValidationError(`unknown field ${unknown.join(', ')}: send {} or {"name": "digits"}`);
  return request(event.name);
}

/** The `{name}` of `GET /models/{name}`, as checkModelName reads it. */
export const modelPathSchema = z.object({
  name: z.string().check(z.regex(MODEL_NAME_PATTERN), z.meta({ description: 'a model name, e.g. digits' })),
});

const metrics = z.record(z.string(), z.number());

/** What `GET /models` answers: every model and its promoted version. */
export const modelListSchema = z.object({
  models: z.array(
    z.object({
      name: z.string(),
      promoted: z.optional(z.string()),
      promotedAt: z.optional(z.string()),
      versions: z.number(),
      newestVersion: z.optional(z.string()),
    }),
  ),
});

/** What `GET /models/{name}` answers: the versions oldest first, their metrics, the promoted one and its integrity. */
export const modelVersionsSchema = z.object({
  name: z.string(),
  promoted: z.optional(z.string()),
  promotedAt: z.optional(z.string()),
  integrity: z.optional(
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('verified') }),
      z.object({ state: z.literal('failed'), problem: z.string() }),
    ]),
  ),
  history: z.array(promotionRecordSchema),
  versions: z.array(
    z.object({
      version: z.string(),
      promoted: z.boolean(),
      state: z.enum(['complete', 'incomplete', 'invalid']),
      problem: z.optional(z.string()),
      trainedAt: z.optional(z.string()),
      algorithm: z.optional(z.string()),
      modelSha256: z.optional(z.string()),
      metrics,
    }),
  ),
});
