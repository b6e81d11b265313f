/**
 * middy's options for every handler: its timeout fires 250 ms before the Lambda's, so the
 * caller gets a 504 JSON error instead of the runtime's timeout (a 200 with `errorMessage`
 * under serverless-offline, a bare 503 on API Gateway). middy's default margin is 5 ms.
 */
export const handlerOptions = { timeoutEarlyInMillis: 250 } as const;

/** True for the error middy throws when a handler runs into its early timeout. */
export function isFunctionTimeout(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TimeoutError') return false;
  const cause = error.cause as { package?: unknown } | undefined;
  return cause?.package === '@middy/core';
}
