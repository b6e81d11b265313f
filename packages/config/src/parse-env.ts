import type * as z from 'zod/mini';
import './zod';

/** Validates environment variables against a schema; throws one message naming every bad variable. */
export function parseEnv<T extends z.ZodMiniType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration: ${problems.join('; ')}`);
}
