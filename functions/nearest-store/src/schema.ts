import { parseEnv } from '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';
import type { NearestQuery } from './find-nearest-stores';

export const DEFAULT_K = 5;
const EXAMPLE = 'e.g. ?lat=39.153198&long=-77.066176&k=3';
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;

const shown = (value: unknown) =>
  typeof value === 'string' ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'` : String(value);

/** A query-string value (always a string) or a number from a direct invocation, as a finite number. */
function numberParam(pattern: RegExp, what: string) {
  return z.pipe(
    z.union([z.number(), z.string()], {
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : `must be ${what}, got ${typeof issue.input === 'number' ? issue.input : typeof issue.input}`,
    }),
    z.transform((value, ctx) => {
      const number = typeof value === 'number' || pattern.test(value.trim()) ? Number(value) : Number.NaN;
      if (!Number.isFinite(number) || (pattern === WHOLE && !Number.isInteger(number))) {
        ctx.issues.push({ code: 'custom', input: value, message: `must be ${what}, got ${shown(value)}` });
      }
      return number;
    }),
  );
}

function inRange(param: ReturnType<typeof numberParam>, min: number, max: number) {
  const range = {
    error: (issue: { input?: unknown }) => `must be between ${min} and ${max}, got ${shown(issue.input)}`,
  };
  return z.pipe(param, z.number().check(z.gte(min, range), z.lte(max, range)));
}

const decimalIn = (min: number, max: number) => inRange(numberParam(DECIMAL, 'a number'), min, max);
const wholeIn = (min: number, max: number) => inRange(numberParam(WHOLE, 'a whole number'), min, max);

// Building the schema costs more than the nearest-store query itself: build it once per MAX_K.
const schemas = new Map<number, ReturnType<typeof querySchema>>();
function schemaFor(maxK: number) {
  let schema = schemas.get(maxK);
  if (!schema) {
    schema = querySchema(maxK);
    schemas.set(maxK, schema);
  }
  return schema;
}

function querySchema(maxK: number) {
  const longitude = z.optional(decimalIn(-180, 180));
  return z.strictObject(
    {
      lat: decimalIn(-90, 90),
      long: longitude,
      lng: longitude,
      lon: longitude,
      k: z._default(wholeIn(1, maxK), DEFAULT_K),
      version: z.optional(
        z
          .string({ error: 'must be a stores model version id (a string)' })
          .check(z.regex(VERSION_ID_PATTERN, { error: 'must be a stores model version id (see GET /models/stores)' })),
      ),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown parameter ${issue.keys.join(', ')}: send lat, long (or lng, lon) and k`
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

/** Validates `?lat=…&long=…&k=…[&version=…]` (or a direct invocation's `{lat, long, k}`); `k` defaults to 5. */
export function parseNearestQuery(params: unknown, maxK: number): NearestQuery {
  const input = params === undefined || params === null || params === '' ? {} : params;
  if (typeof input !== 'object' || Array.isArray(input)) throw new ValidationError(`send lat and long: ${EXAMPLE}`);
  const result = schemaFor(maxK).safeParse(input);
  if (!result.success) throw validationErrorFrom(result.error.issues);
  const { lat, k, version } = result.data;
  return { latitude: lat, longitude: longitudeOf(result.data), k, ...(version === undefined ? {} : { version }) };
}

/** The query-string parameters of an API Gateway event (none → an empty object). */
export function queryParamsOf(event: object): unknown {
  return 'queryStringParameters' in event ? (event.queryStringParameters ?? {}) : {};
}

const envSchema = z.object({
  MAX_K: z._default(z.coerce.number().check(z.int({ error: 'must be a whole number' }), z.gte(1), z.lte(1000)), 50),
});

/** This function's own settings (MAX_K, 1..1000, default 50), read once at cold start. */
export function loadNearestSettings(env: NodeJS.ProcessEnv = process.env): { maxK: number } {
  return { maxK: parseEnv(envSchema, env).MAX_K };
}
