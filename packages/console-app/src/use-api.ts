import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, callApi } from './api';

/** What a page shows while it reads a route: loading, the answer, or the API's error. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'failed'; error: ApiError };

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'Error', error instanceof Error ? error.message : String(error));

/** `GET route` when the route changes (or `reload()` is called); a stale answer is dropped. */
export function useApi<T>(route: string): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((previous) => (previous.state === 'done' && generation > 0 ? previous : { state: 'loading' }));
    callApi<T>(route, { signal: controller.signal }).then(
      (data) => setLoaded({ state: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [route, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...loaded, reload };
}

export { asApiError };
