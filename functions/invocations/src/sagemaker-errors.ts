import type { MiddlewareObj } from '@middy/core';

interface HttpResponse {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface ErrorBody {
  error: { type: string; message: string };
}

function errorBodyOf(body: unknown): ErrorBody | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(body);
    const error = parsed?.error;
    return typeof error?.type === 'string' && typeof error.message === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the error responses errorResponder writes readable by the AWS SDKs, as SageMaker's own
 * are: the `x-amzn-ErrorType` header names the exception they raise (`ValidationError`, not
 * `Unknown`), and a top-level `message` next to the API's `{"error": {"type", "message"}}` becomes
 * the exception's message (boto3's ClientError keeps nothing else of the body). Use it before
 * errorResponder: middy runs onError handlers last-registered first, so the response exists here.
 */
export function sagemakerErrors(): MiddlewareObj<unknown, unknown, Error> {
  return {
    onError: async (request) => {
      const response = request.response as HttpResponse | undefined;
      const body = errorBodyOf(response?.body);
      if (!response || !body) return;
      response.headers = { ...response.headers, 'x-amzn-errortype': body.error.type };
      response.body = JSON.stringify({ ...body, message: body.error.message });
    },
  };
}
