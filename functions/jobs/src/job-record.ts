import * as z from 'zod/mini';

/** Where a job is: Step Functions' execution statuses, which a job reports as they are. */
export const JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const isFinished = (status: JobStatus) => status !== 'RUNNING';

/** The pipeline's steps, in order (Keep is the "not promoted" branch). */
export const JOB_STEPS = ['Validate', 'Train', 'Evaluate', 'Promote', 'Keep'] as const;

const isoTime = z.string();
const stepSchema = z.object({
  name: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT']),
  startedAt: isoTime,
  endedAt: z.optional(isoTime),
});
export type JobStep = z.infer<typeof stepSchema>;

const resultSchema = z.object({
  version: z.string(),
  algorithm: z.optional(z.string()),
  metrics: z.record(z.string(), z.number()),
  promoted: z.boolean(),
  reason: z.string(),
  /** The promoted version the new one was compared with, and the metric (null: nothing to compare). */
  comparedWith: z.nullable(z.string()),
  metric: z.nullable(z.string()),
});
export type JobResult = z.infer<typeof resultSchema>;

const errorSchema = z.object({ type: z.string(), message: z.string(), step: z.nullable(z.string()) });
export type JobError = z.infer<typeof errorSchema>;

/** A job as stored in `jobs/…json` and answered by `GET /jobs/{id}`. */
export const jobRecordSchema = z.object({
  jobId: z.string(),
  model: z.string(),
  /** The training request as validated: model, promote policy and ml-train's fields. */
  request: z.record(z.string(), z.unknown()),
  status: z.enum(JOB_STATUSES),
  executionArn: z.string(),
  submittedAt: isoTime,
  /** Past this, a job still RUNNING is reported TIMED_OUT (its execution is stopped). */
  deadline: isoTime,
  endedAt: z.optional(isoTime),
  steps: z.array(stepSchema),
  result: z.optional(resultSchema),
  error: z.optional(errorSchema),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

/** A job as the API answers it: the record, how long it has run (or ran), and where to poll it. */
export const jobAnswerSchema = z.extend(jobRecordSchema, { elapsedMs: z.number(), statusUrl: z.string() });
export type JobAnswer = z.infer<typeof jobAnswerSchema>;

/** `GET /jobs`: a page of jobs, newest first, and the `after` of the next page when there is one. */
export const jobListSchema = z.object({ jobs: z.array(jobAnswerSchema), next: z.optional(z.string()) });

/** `20261201-143012345-a1b2c3`: the UTC millisecond a job was submitted and 6 random hex digits. */
export const JOB_ID = /^(\d{8})-(\d{9})-([0-9a-f]{6})$/;
/** 13-digit epoch milliseconds counted down from this, so that S3's ascending listing is newest first. */
const LAST_MS = 9_999_999_999_999;

/**
 * A new job id: its UTC start millisecond and 6 random hex digits (`20261201-143012345-a1b2c3`), a
 * valid execution name. Milliseconds, so that jobs started within one second still list in order.
 */
export function newJobId(now: Date, random: () => number = Math.random): string {
  const [date, time] = now.toISOString().slice(0, 23).split('T');
  const suffix = Math.floor(random() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
  return `${date.replaceAll('-', '')}-${time.replace(/[:.]/g, '')}-${suffix}`;
}

/** Whether a string is a job id (anything else is a 404 without a lookup). */
export const isJobId = (id: string) => JOB_ID.test(id);

/** The record's key: newest jobs sort first (`jobs/<milliseconds to 2286>-<id>.json`). */
export function jobKey(jobId: string): string {
  const match = JOB_ID.exec(jobId);
  if (!match) throw new Error(`not a job id: ${jobId}`);
  const [, d, t] = match;
  const time = `${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${t.slice(6)}`;
  const countdown = LAST_MS - Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${time}Z`);
  return `${JOBS_PREFIX}${String(countdown).padStart(13, '0')}-${jobId}.json`;
}

export const JOBS_PREFIX = 'jobs/';

/** The job id in a record's key, or undefined for another object. */
export function jobIdOfKey(key: string): string | undefined {
  const match = /^jobs\/\d{13}-(\d{8}-\d{9}-[0-9a-f]{6})\.json$/.exec(key);
  return match?.[1];
}
