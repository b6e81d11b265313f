import { numberParam } from '@serverless-ml/http';
import { MODEL_NAME_PATTERN, VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import { nearestStoresResultSchema } from '@serverless-ml/nearest-store/schema';
import * as z from 'zod/mini';
import { CUSTOM_ATTRIBUTES_HEADER } from './invocation-settings';

// The endpoint reads its input by hand (invocation-settings.ts, parse-invocation.ts: the rows depend on
// the model's metadata); these schemas describe it with the same rules and constants.

/** The `{name}` of `POST /endpoints/{name}/invocations`: any model in the registry. */
export const endpointPathSchema = z.object({
  name: z.string().check(z.regex(MODEL_NAME_PATTERN), z.meta({ description: 'the model, e.g. housing or digits' })),
});

/** `?version=…&k=…`: the same settings as the custom attributes (both may be sent; they must agree). */
export function invocationQuerySchema(maxK: number) {
  return z.strictObject({
    version: z.optional(z.string().check(z.regex(VERSION_ID_PATTERN))),
    k: z.optional(numberParam({ min: 1, max: maxK, whole: true })),
  });
}

/** SageMaker's custom attributes header: `version=…, k=3`. */
export const invocationHeadersSchema = z.object({
  [CUSTOM_ATTRIBUTES_HEADER]: z.optional(
    z.string().check(z.meta({ description: 'name=value pairs separated by , or ;: version=…, k=3' })),
  ),
});

const cell = z.union([z.number(), z.string()]);

/** An application/json body: rows as arrays of feature values, or as objects naming each feature. */
export const instancesBodySchema = z.object({
  instances: z.array(z.union([z.array(cell), z.record(z.string(), cell)])).check(z.minLength(1)),
});

const prediction = z.union([
  z.number().check(z.meta({ description: 'regression, or P(positive) for binary classification' })),
  z.array(z.number()).check(z.meta({ description: 'a multi-output regression' })),
  z.object({ label: cell, scores: z.optional(z.array(z.number())) }),
  nearestStoresResultSchema.shape.stores,
]);

/** The JSON answer: one prediction per row, the model and the version that answered. */
export const invocationAnswerSchema = z.object({
  predictions: z.array(prediction),
  model: z.string(),
  version: z.string(),
});

/** `GET /ping`: the function is up. */
export const pingAnswerSchema = z.object({ status: z.literal('ok') });
