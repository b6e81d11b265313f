// The console's only way to the backend: the public HTTP API, as any client sees it.

/** A failed API call, with the `{"error": {"type", "message"}}` body the API answers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const errorOf = (body: unknown): { type?: unknown; message?: unknown } | undefined =>
  typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null
    ? body.error
    : undefined;

/**
 * Calls a route of the API relative to the page (the console is served at the API's root, so
 * `models` is `<api>/models` on the embedded stack and behind any stage prefix alike).
 */
export async function callApi<T>(route: string, init: RequestInit = {}, fetchImpl: Fetch = fetch): Promise<T> {
  const headers = { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) };
  let response: Response;
  try {
    response = await fetchImpl(route, { ...init, headers: { ...headers, ...init.headers } });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NetworkError', `the API did not answer (${String(cause)})`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return body as T;
  const error = errorOf(body);
  const type = typeof error?.type === 'string' ? error.type : 'HttpError';
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `${response.status} ${response.statusText || 'answer'} without a JSON body`;
  throw new ApiError(response.status, type, message);
}

/** `POST route` with a JSON body. */
export const postApi = <T>(route: string, body: unknown, init: RequestInit = {}, fetchImpl?: Fetch) =>
  callApi<T>(route, { ...init, method: 'POST', body: JSON.stringify(body) }, fetchImpl);
