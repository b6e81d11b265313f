import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, callApi } from './api';

/** What a page shows while it reads a route: loading, the answer, or the API's error. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; error: ApiError };

/** Any failure as an ApiError, so every page shows errors one way. */
export const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'Error', error instanceof Error ? error.message : String(error));

/**
 * `GET route` whenever the route changes; a stale answer is dropped. `replace(data)` shows an
 * answer the caller already has (read again after a change), without a second request.
 */
export function useApi<T>(route: string): Loaded<T> & { replace: (data: T) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    callApi<T>(route, { signal: controller.signal }).then(
      (data) => setLoaded({ state: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [route]);
  const replace = useCallback((data: T) => setLoaded({ state: 'done', data }), []);
  return { ...loaded, replace };
}
