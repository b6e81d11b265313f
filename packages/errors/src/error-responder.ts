import type { MiddlewareObj } from '@middy/core';
import { AppError } from './app-error';
import { isFunctionTimeout } from './function-timeout';

interface ErrorBody {
  error: { type: string; message: string; details?: Record<string, unknown> };
}

interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** True for API Gateway (REST or HTTP API) events; false for direct `lambda invoke` events. */
export function isHttpEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'requestContext' in event && 'headers' in event;
}

function toBody(error: unknown): { statusCode: number; body: ErrorBody } {
  if (error instanceof AppError && error.expose) {
    return {
      statusCode: error.statusCode,
      body: { error: { type: error.name, message: error.message, details: error.details } },
    };
  }
  // Middy's own parsers throw http-errors style objects (e.g. 415/422 for bad JSON).
  if (
    error instanceof Error &&
    'statusCode' in error &&
    typeof error.statusCode === 'number' &&
    error.statusCode < 500
  ) {
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
      const response: HttpResponse = {
        statusCode,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      };
      request.response = response;
    },
  };
}
