import type { MiddlewareObj } from '@middy/core';
import { AppError } from './app-error';
import { isFunctionTimeout } from './function-timeout';
import { isHttpEvent, jsonResponse } from './http-event';

interface ErrorBody {
  error: { type: string; message: string; details?: Record<string, unknown> };
}

/** An http-errors style error (what middy and its middlewares throw) that is a client's mistake and safe to show. */
function isExposedClientError(error: unknown): error is Error & { statusCode: number } {
  return (
    error instanceof Error &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode >= 400 &&
    error.statusCode < 500 &&
    'expose' in error &&
    error.expose === true
  );
}

function toBody(error: unknown): { statusCode: number; body: ErrorBody } {
  if (error instanceof AppError && error.expose) {
    return {
      statusCode: error.statusCode,
      body: { error: { type: error.name, message: error.message, details: error.details } },
    };
  }
  // Middy's own parsers throw http-errors style objects (e.g. 415/422 for bad JSON). Without
  // `expose` (an AppError that keeps its message, a library's 4xx) the message stays hidden: a 500.
  if (isExposedClientError(error)) {
    return { statusCode: 400, body: { error: { type: 'ValidationError', message: error.message } } };
  }
  if (isFunctionTimeout(error)) {
    const message = 'the function ran out of time before it could answer';
    return { statusCode: 504, body: { error: { type: 'FunctionTimeoutError', message } } };
  }
  return { statusCode: 500, body: { error: { type: 'InternalError', message: 'Internal server error' } } };
}

/**
 * The one place errors become responses. HTTP events get `{"error": {...}}` with the error's
 * status; direct invocations rethrow exposed errors so the caller sees their type and message.
 */
export function errorResponder(
  logger: Pick<Console, 'error' | 'warn'> = console,
): MiddlewareObj<unknown, unknown, Error> {
  return {
    onError: async (request) => {
      const { statusCode, body } = toBody(request.error);
      if (statusCode < 500) {
        // A client's mistake, not ours: one line, no stack, so real failures stand out.
        const { type, message } = body.error;
        logger.warn(JSON.stringify({ level: 'warn', msg: 'client error', status: statusCode, type, message }));
      } else if (request.error instanceof AppError && request.error.expose) {
        // A dependency failed (S3, the weather service) or no model is ready: the client sees
        // the message; the log keeps the cause it hides (e.g. which socket error).
        const { type, message } = body.error;
        const cause = request.error.cause === undefined ? undefined : String(request.error.cause);
        logger.error(
          JSON.stringify({ level: 'error', msg: 'service unavailable', status: statusCode, type, message, cause }),
        );
      } else {
        logger.error(
          JSON.stringify({
            level: 'error',
            msg: 'unhandled error',
            error: String(request.error),
            stack: request.error?.stack,
          }),
        );
      }
      if (!isHttpEvent(request.event)) return; // middy rethrows request.error
      request.response = jsonResponse(statusCode, body);
    },
  };
}
