import { isRecord, NotFoundError } from '@serverless-ml/errors';
import { type ObjectStore, WriteConflictError } from '@serverless-ml/model-store';
import { JobConflictError } from './job-errors';
import {
  isFinished,
  isJobId,
  JOBS_PREFIX,
  type JobRecord,
  jobIdOfKey,
  jobKey,
  jobRecordSchema,
  newJobId,
} from './job-record';
import { type ExecutionSnapshot, progressOf } from './job-status';

/** The training state machine as the jobs API drives it (Step Functions on AWS, the emulator or locally). */
export interface PipelineExecutions {
  /** The ARN an execution of the training state machine gets for a name. */
  arnOf(name: string): string;
  /** StartExecution with the job id as the execution's name; answers its ARN. */
  start(name: string, input: string): Promise<string>;
  /** DescribeExecution + GetExecutionHistory; undefined when the execution does not exist. */
  snapshot(executionArn: string): Promise<ExecutionSnapshot | undefined>;
  stop(executionArn: string): Promise<void>;
}

export interface JobsDeps {
  store: ObjectStore;
  executions: PipelineExecutions;
  now: () => Date;
  /** The state machine's own TimeoutSeconds: past it (and a minute's grace) a RUNNING job is TIMED_OUT. */
  pipelineTimeoutSeconds: number;
}

/** How long after submission a missing execution may still be starting (the POST is in flight). */
const START_GRACE_MS = 30_000;
const DEADLINE_GRACE_MS = 60_000;
const JSON_TYPE = 'application/json';

const parseRecord = (value: unknown, key: string): JobRecord => {
  const parsed = jobRecordSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${key} is not a job record: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
};

const unknownJob = (jobId: string) =>
  new NotFoundError(`no job "${jobId}": list them with GET /jobs or \`pnpm ml jobs list\``);

/**
 * The record for an execution started without the jobs API (StartExecution with a job id as its
 * name, from the AWS SDK or the console): written on first read, so it is listed from then on.
 */
async function adopt(jobId: string, key: string, deps: JobsDeps) {
  const executionArn = deps.executions.arnOf(jobId);
  const snapshot = await deps.executions.snapshot(executionArn);
  if (!snapshot) return undefined;
  let request: Record<string, unknown> = {};
  try {
    const input: unknown = JSON.parse(snapshot.input ?? '{}');
    if (isRecord(input)) request = input;
  } catch {
    // Not JSON: the pipeline's Validate step fails it, and the record shows that.
  }
  const submitted = snapshot.startDate ?? deps.now();
  const deadline = new Date(submitted.getTime() + deps.pipelineTimeoutSeconds * 1000 + DEADLINE_GRACE_MS);
  const record: JobRecord = {
    jobId,
    model: typeof request.model === 'string' ? request.model : 'unknown',
    request,
    status: 'RUNNING',
    executionArn,
    submittedAt: submitted.toISOString(),
    deadline: deadline.toISOString(),
    steps: [],
  };
  try {
    await deps.store.put(key, JSON.stringify(record), JSON_TYPE, { ifAbsent: true });
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
  return deps.store.getTaggedJson<unknown>(key);
}

async function readRecord(jobId: string, deps: JobsDeps) {
  if (!isJobId(jobId)) throw unknownJob(jobId);
  const key = jobKey(jobId);
  const found = (await deps.store.getTaggedJson<unknown>(key)) ?? (await adopt(jobId, key, deps));
  if (!found) throw unknownJob(jobId);
  return { key, record: parseRecord(found.value, key), etag: found.etag };
}

/**
 * Starts a training job: its record is written first (RUNNING, with its deadline), then the
 * execution is started; if that fails the record says FAILED before the error is raised.
 */
export async function startJob(
  request: Record<string, unknown> & { model: string },
  deps: JobsDeps,
): Promise<JobRecord> {
  const now = deps.now();
  const jobId = newJobId(now);
  const key = jobKey(jobId);
  const deadline = new Date(now.getTime() + deps.pipelineTimeoutSeconds * 1000 + DEADLINE_GRACE_MS);
  const record: JobRecord = {
    jobId,
    model: request.model,
    request,
    status: 'RUNNING',
    executionArn: '',
    submittedAt: now.toISOString(),
    deadline: deadline.toISOString(),
    steps: [],
  };
  await deps.store.put(key, JSON.stringify(record), JSON_TYPE, { ifAbsent: true });
  try {
    record.executionArn = await deps.executions.start(jobId, JSON.stringify(request));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed: JobRecord = {
      ...record,
      status: 'FAILED',
      endedAt: deps.now().toISOString(),
      error: { type: 'StartExecutionFailed', message: `the training pipeline did not start: ${message}`, step: null },
    };
    await deps.store.put(key, JSON.stringify(failed), JSON_TYPE);
    throw error;
  }
  await deps.store.put(key, JSON.stringify(record), JSON_TYPE);
  return record;
}

/** The job's status now: its execution read (and the record updated) until it has ended. */
function progressed(record: JobRecord, snapshot: ExecutionSnapshot | undefined, now: Date): JobRecord {
  const lastStep = () =>
    record.steps.findLast((s) => s.status === 'RUNNING')?.name ?? record.steps.at(-1)?.name ?? null;
  if (!snapshot) {
    if (record.executionArn === '' || now.getTime() - Date.parse(record.submittedAt) < START_GRACE_MS) return record;
    const message =
      'its execution no longer exists: the stack that ran it stopped (a local restart, a killed process) or its history expired';
    const steps = record.steps.map((s) => (s.status === 'RUNNING' ? { ...s, status: 'FAILED' as const } : s));
    return {
      ...record,
      steps,
      status: 'FAILED',
      endedAt: now.toISOString(),
      error: { type: 'ExecutionLost', message, step: lastStep() },
    };
  }
  const next: JobRecord = { ...record, ...progressOf(snapshot) };
  if (next.status !== 'RUNNING' || now.getTime() <= Date.parse(record.deadline)) return next;
  const message = `still running at its deadline (${record.deadline}): stopped and reported as timed out`;
  const steps = next.steps.map((s) => (s.status === 'RUNNING' ? { ...s, status: 'FAILED' as const } : s));
  const step = next.steps.findLast((s) => s.status === 'RUNNING')?.name ?? null;
  return {
    ...next,
    steps,
    status: 'TIMED_OUT',
    endedAt: now.toISOString(),
    error: { type: 'JobDeadlineExceeded', message, step },
  };
}

/** Reads a job; a running one is brought up to date from its execution and the record rewritten when it changed. */
export async function readJob(jobId: string, deps: JobsDeps): Promise<JobRecord> {
  const { key, record, etag } = await readRecord(jobId, deps);
  if (isFinished(record.status)) return record;
  const snapshot = record.executionArn ? await deps.executions.snapshot(record.executionArn) : undefined;
  const next = progressed(record, snapshot, deps.now());
  if (next.status === 'TIMED_OUT' && snapshot?.status === 'RUNNING') {
    await deps.executions.stop(record.executionArn).catch(() => undefined);
  }
  if (JSON.stringify(next) === JSON.stringify(record)) return next;
  try {
    await deps.store.put(key, JSON.stringify(next), JSON_TYPE, etag ? { ifMatch: etag } : undefined);
  } catch (error) {
    // Another reader wrote it first: theirs is as new as ours.
    if (!(error instanceof WriteConflictError)) throw error;
  }
  return next;
}

/** Stops a running job (StopExecution); a job that has ended is a conflict. */
export async function stopJob(jobId: string, deps: JobsDeps): Promise<JobRecord> {
  const current = await readJob(jobId, deps);
  if (isFinished(current.status)) {
    throw new JobConflictError(`job ${jobId} has already ended: ${current.status}`);
  }
  await deps.executions.stop(current.executionArn);
  return readJob(jobId, deps);
}

/** The newest jobs first, `limit` at a time; `after` is the last job id of the previous page. */
export async function listJobs(
  options: { limit: number; after?: string },
  deps: JobsDeps,
): Promise<{ jobs: JobRecord[]; next?: string }> {
  const { keys } = await deps.store.list(JOBS_PREFIX);
  const ids = keys.map(jobIdOfKey).filter((id): id is string => id !== undefined);
  const start = options.after === undefined ? 0 : ids.indexOf(options.after) + 1;
  if (options.after !== undefined && start === 0) throw new NotFoundError(`no job "${options.after}" to list after`);
  const page = ids.slice(start, start + options.limit);
  const jobs = await Promise.all(page.map((id) => readJob(id, deps)));
  const more = start + options.limit < ids.length;
  return more ? { jobs, next: page.at(-1) } : { jobs };
}
