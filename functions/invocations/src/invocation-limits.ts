import { parseEnv } from '@serverless-ml/config';
import * as z from 'zod/mini';

/** Rows per invocation: ~1.3 MB of digits CSV, well inside the body limit; more is a 413. */
export const MAX_ROWS = 10_000;

/**
 * Request body bytes (after base64 decoding): Lambda takes at most 6 MB per synchronous
 * invocation, event and headers included; SageMaker's own InvokeEndpoint limit is 6 MB too.
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Nearest-neighbours models answer this many neighbours when the caller gives no k. */
export const DEFAULT_K = 5;

const envSchema = z.object({
  MAX_K: z._default(z.coerce.number().check(z.int({ error: 'must be a whole number' }), z.gte(1), z.lte(1000)), 50),
});

/** The endpoint's own setting: MAX_K (1..1000, default 50, shared with nearest-store), read once at cold start. */
export function loadInvocationSettings(env: NodeJS.ProcessEnv = process.env): { maxK: number } {
  return { maxK: parseEnv(envSchema, env).MAX_K };
}
