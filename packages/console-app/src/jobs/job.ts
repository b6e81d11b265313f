// The jobs API's answers (`GET /jobs`, `GET /jobs/{id}`), as functions/jobs/src/job-record.ts defines them.

/** Where a job is: Step Functions' execution statuses. */
export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One step of the pipeline (Validate, Train, Evaluate, then Promote or Keep). */
export interface JobStep {
  name: string;
  status: JobStatus;
  startedAt: string;
  endedAt?: string;
}

/** What a succeeded job trained and whether it was promoted (`comparedWith`/`metric` null: nothing to compare). */
export interface JobResult {
  version: string;
  algorithm?: string;
  metrics: Record<string, number>;
  promoted: boolean;
  reason: string;
  comparedWith: string | null;
  metric: string | null;
}

/** Why a job failed: the error's type, its message and the step it happened in. */
export interface JobError {
  type: string;
  message: string;
  step: string | null;
}

/** `GET /jobs/{id}`. */
export interface Job {
  jobId: string;
  model: string;
  request: Record<string, unknown>;
  status: JobStatus;
  submittedAt: string;
  deadline: string;
  endedAt?: string;
  steps: JobStep[];
  result?: JobResult;
  error?: JobError;
  elapsedMs: number;
  statusUrl: string;
}

/** `GET /jobs`: newest first, and the `after` of the next page when there is one. */
export interface JobList {
  jobs: Job[];
  next?: string;
}

/** Whether a job has ended (its record is then final: no need to ask again). */
export const hasEnded = (status: JobStatus): boolean => status !== 'RUNNING';

/** The job's route relative to the console (`jobs/{id}`). */
export const jobRoute = (jobId: string): string => `jobs/${encodeURIComponent(jobId)}`;

/** The step running now, or the last one that ran. */
export const currentStep = (job: Pick<Job, 'steps'>): JobStep | undefined =>
  job.steps.find((s) => s.status === 'RUNNING') ?? job.steps.at(-1);

/** How often a running job is read again: about once a second, as the jobs README suggests. */
export const POLL_MS = 1000;
/** After an answer that may pass (no answer, a 5xx, throttling), wait longer before asking again. */
export const RETRY_MS = 3000;

/**
 * When to read the job again: soon while it runs, later after a passing failure, never once it has
 * ended or the API said no (404: there is no such job).
 */
export function nextPollMs(outcome: { status: JobStatus } | { httpStatus: number }): number | undefined {
  if ('status' in outcome) return hasEnded(outcome.status) ? undefined : POLL_MS;
  const passing = outcome.httpStatus === 0 || outcome.httpStatus === 429 || outcome.httpStatus >= 500;
  return passing ? RETRY_MS : undefined;
}
