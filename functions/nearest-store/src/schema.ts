import { parseEnv } from '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { numberParam, unknownParamsMessage } from '@serverless-ml/http';
import { VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';
import type { NearestQuery } from './find-nearest-stores';
import { storeSchema } from './store-catalog';

export const DEFAULT_K = 5;
const EXAMPLE = 'e.g. ?lat=39.153198&long=-77.066176&k=3';

// Building the schema costs more than the nearest-store query itself: build it once per MAX_K.
const schemas = new Map<number, ReturnType<typeof querySchema>>();
/** The query of `GET /stores/nearest` (k up to maxK), as validated and as the API describes it. */
export function nearestQuerySchema(maxK: number) {
  let schema = schemas.get(maxK);
  if (!schema) {
    schema = querySchema(maxK);
    schemas.set(maxK, schema);
  }
  return schema;
}

function querySchema(maxK: number) {
  const longitude = z.optional(numberParam({ min: -180, max: 180 }));
  return z.strictObject(
    {
      lat: numberParam({ min: -90, max: 90 }),
      long: longitude,
      lng: longitude,
      lon: longitude,
      k: z._default(numberParam({ min: 1, max: maxK, whole: true }), DEFAULT_K),
      version: z.optional(
        z
          .string({ error: 'must be a stores model version id (a string)' })
          .check(z.regex(VERSION_ID_PATTERN, { error: 'must be a stores model version id (see GET /models/stores)' })),
      ),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? unknownParamsMessage(issue.keys, 'send lat, long (or lng, lon), k and version')
          : undefined,
    },
  );
}

/** The longitude under whichever alias was sent; two aliases must agree. */
function longitudeOf(params: { long?: number; lng?: number; lon?: number }): number {
  const given = (['long', 'lng', 'lon'] as const).filter((name) => params[name] !== undefined);
  const [first, ...others] = given;
  if (!first) throw new ValidationError(`long is required (lng and lon are accepted too): ${EXAMPLE}`);
  const differing = others.find((name) => params[name] !== params[first]);
  if (differing) {
    throw new ValidationError(
      `${first} and ${differing} disagree (${params[first]} vs ${params[differing]}): send one longitude`,
    );
  }
  return params[first] ?? Number.NaN;
}

/**
 * Validates `?lat=…&long=…&k=…[&version=…]` (or a direct invocation's `{lat, long, k}`), already
 * cleaned by `@serverless-ml/http`'s rule; `k` defaults to 5.
 */
export function parseNearestQuery(params: unknown, maxK: number): NearestQuery {
  const input = params === undefined || params === null || params === '' ? {} : params;
  if (typeof input !== 'object' || Array.isArray(input)) throw new ValidationError(`send lat and long: ${EXAMPLE}`);
  const result = nearestQuerySchema(maxK).safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error.issues);
  const { lat, k, version } = result.data;
  return { latitude: lat, longitude: longitudeOf(result.data), k, ...(version === undefined ? {} : { version }) };
}

const envSchema = z.object({
  MAX_K: z._default(z.coerce.number().check(z.int({ error: 'must be a whole number' }), z.gte(1), z.lte(1000)), 50),
});

/** This function's own settings (MAX_K, 1..1000, default 50), read once at cold start. */
export function loadNearestSettings(env: NodeJS.ProcessEnv = process.env): { maxK: number } {
  return { maxK: parseEnv(envSchema, env).MAX_K };
}

/** What `GET /stores/nearest` answers: the k nearest stores, nearest first, and the model version. */
export const nearestStoresResultSchema = z.object({
  query: z.object({ latitude: z.number(), longitude: z.number() }),
  k: z.number().check(z.meta({ description: 'stores returned: the k asked for, or the whole catalog when smaller' })),
  modelVersion: z.string(),
  stores: z.array(
    z.extend(storeSchema, {
      distance_km: z.number().check(z.meta({ description: 'great-circle distance (mean-radius sphere), km' })),
    }),
  ),
});
