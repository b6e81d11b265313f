import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { asApiError } from '../use-api';
import { hasEnded, type Job, jobRoute, nextPollMs } from './job';

/** A watched job: the last answer (and when it came), and the last failed read, if any. */
export interface WatchedJob {
  job?: Job;
  /** `Date.now()` when `job` was read, to tick its elapsed time between answers. */
  readAt: number;
  error?: ApiError;
}

interface Polling {
  controller: AbortController;
  timer?: ReturnType<typeof setTimeout>;
}

const halt = (polling: Polling | undefined) => {
  polling?.controller.abort();
  clearTimeout(polling?.timer);
};

/**
 * Reads `GET /jobs/{id}` about every second until the job ends; stops when the view is left (the
 * request in flight is aborted, no timer survives). `replace(job)` shows an answer already in hand
 * (Stop's); an ended one also ends the polling, so a read already on its way cannot show RUNNING again.
 */
export function useJob(jobId: string): WatchedJob & { replace: (job: Job) => void } {
  const [watched, setWatched] = useState<WatchedJob>({ readAt: Date.now() });
  const polling = useRef<Polling | undefined>(undefined);
  useEffect(() => {
    const current: Polling = { controller: new AbortController() };
    polling.current = current;
    const { signal } = current.controller;
    const read = async () => {
      let wait: number | undefined;
      try {
        const job = await callApi<Job>(jobRoute(jobId), { signal });
        setWatched({ job, readAt: Date.now() });
        wait = nextPollMs(job);
      } catch (error) {
        if (signal.aborted) return;
        const apiError = asApiError(error);
        // Keep the last answer on screen: a passing failure should not blank the steps.
        setWatched((w) => ({ ...w, error: apiError }));
        wait = nextPollMs({ httpStatus: apiError.status });
      }
      if (wait !== undefined && !signal.aborted) current.timer = setTimeout(read, wait);
    };
    setWatched({ readAt: Date.now() });
    void read();
    return () => halt(current);
  }, [jobId]);
  const replace = useCallback((job: Job) => {
    if (hasEnded(job.status)) halt(polling.current);
    setWatched({ job, readAt: Date.now() });
  }, []);
  return { ...watched, replace };
}
