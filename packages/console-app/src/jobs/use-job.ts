import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { asApiError } from '../use-api';
import { type Job, jobRoute, nextPollMs } from './job';

/** A watched job: the last answer (and when it came), and the last failed read, if any. */
export interface WatchedJob {
  job?: Job;
  /** `Date.now()` when `job` was read, to tick its elapsed time between answers. */
  readAt: number;
  error?: ApiError;
}

/**
 * Reads `GET /jobs/{id}` about every second until the job ends; stops when the view is left (the
 * request in flight is aborted, no timer survives). `replace(job)` shows an answer already in hand.
 */
export function useJob(jobId: string): WatchedJob & { replace: (job: Job) => void } {
  const [watched, setWatched] = useState<WatchedJob>({ readAt: Date.now() });
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      let wait: number | undefined;
      try {
        const job = await callApi<Job>(jobRoute(jobId), { signal: controller.signal });
        setWatched({ job, readAt: Date.now() });
        wait = nextPollMs(job);
      } catch (error) {
        if (controller.signal.aborted) return;
        const apiError = asApiError(error);
        // Keep the last answer on screen: a passing failure should not blank the steps.
        setWatched((w) => ({ ...w, error: apiError }));
        wait = nextPollMs({ httpStatus: apiError.status });
      }
      if (wait !== undefined && !controller.signal.aborted) timer = setTimeout(read, wait);
    };
    setWatched({ readAt: Date.now() });
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId]);
  const replace = useCallback((job: Job) => setWatched({ job, readAt: Date.now() }), []);
  return { ...watched, replace };
}
