import * as z from 'zod/mini';
import type { ResponseSpec } from './route-descriptor';

/** `{"error": {"type", "message", "details"?}}`: every error the API answers, from a function or the stack itself. */
export const errorBodySchema = z.object({
  error: z.object({
    type: z.string().check(z.meta({ description: 'the error class, e.g. ValidationError, NotFoundError' })),
    message: z.string().check(z.meta({ description: 'what went wrong, naming the field or the thing asked for' })),
    details: z.optional(
      z.record(z.string(), z.unknown()).check(z.meta({ description: 'e.g. the validation issues, up to ten' })),
    ),
  }),
});

/**
 * The invocations endpoint's errors: the same body with the message again at the top level, where the
 * AWS SDKs read it, and the error type in `x-amzn-ErrorType`.
 */
export const sagemakerErrorBodySchema = z.object({
  error: errorBodySchema.shape.error,
  message: z.string(),
});

/** What each status means on every route that answers it (the README's error table). */
export const ERROR_MEANINGS: Record<number, string> = {
  400: 'ValidationError: the request is malformed; the message names the field and the problem',
  404: 'NotFoundError: the model, version, city or route does not exist',
  406: 'NotAcceptableError: the Accept header allows none of the formats the route answers in',
  409: 'ModelIntegrityError: the version asked for does not match its recorded checksums',
  413: 'PayloadTooLargeError: the body is over the route limit',
  415: 'UnsupportedMediaTypeError: the Content-Type is not one the route reads',
  503: 'ModelNotReadyError, UpstreamError or S3UnavailableError: no model is trained yet, or a dependency failed',
  504: 'FunctionTimeoutError: the function ran out of time before it could answer',
};

export interface ErrorResponseOptions {
  /** The body schema (the invocations endpoint adds a top-level `message`). */
  schema?: typeof errorBodySchema | typeof sagemakerErrorBodySchema;
  /** Response headers every error of this route carries. */
  headers?: ResponseSpec['headers'];
}

/** Error responses for the given statuses, each with the one error body; `why` overrides a status's meaning. */
export function errorResponses(
  statuses: readonly number[],
  why: Record<number, string> = {},
  options: ErrorResponseOptions = {},
): Record<number, ResponseSpec> {
  const schema = options.schema ?? errorBodySchema;
  return Object.fromEntries(
    statuses.map((status) => {
      const description = why[status] ?? ERROR_MEANINGS[status];
      if (!description) throw new Error(`no meaning recorded for status ${status}: pass it in \`why\``);
      const spec: ResponseSpec = { description, content: { 'application/json': { schema } } };
      return [status, options.headers ? { ...spec, headers: options.headers } : spec];
    }),
  );
}
