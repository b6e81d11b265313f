import { isRecord } from '@serverless-ml/errors';
import { JOB_STEPS, type JobError, type JobResult, type JobStatus, type JobStep } from './job-record';

/** A history event as GetExecutionHistory gives it (the AWS SDK's HistoryEvent, the fields read here). */
export interface ExecutionEvent {
  type?: string;
  timestamp?: Date;
  stateEnteredEventDetails?: { name?: string; input?: string };
  stateExitedEventDetails?: { name?: string; output?: string };
  taskFailedEventDetails?: { error?: string; cause?: string };
}

/** What DescribeExecution and GetExecutionHistory say about one execution. */
export interface ExecutionSnapshot {
  status: JobStatus;
  startDate?: Date;
  stopDate?: Date;
  /** The execution's input (a training request). */
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  events: ExecutionEvent[];
}

/** What a job reports from its execution: steps, and its result or its error. */
export interface JobProgress {
  status: JobStatus;
  steps: JobStep[];
  endedAt?: string;
  result?: JobResult;
  error?: JobError;
}

const STEP_NAMES: readonly string[] = JOB_STEPS;
const iso = (date: Date | undefined) => (date ?? new Date()).toISOString();

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The steps entered so far, from the `…StateEntered`/`…StateExited` events of the pipeline's steps. */
export function stepsOf(events: ExecutionEvent[]): JobStep[] {
  const steps: JobStep[] = [];
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    const exited = event.stateExitedEventDetails?.name;
    if (entered && STEP_NAMES.includes(entered)) {
      steps.push({ name: entered, status: 'RUNNING', startedAt: iso(event.timestamp) });
    } else if (exited) {
      const step = steps.findLast((s) => s.name === exited && s.status === 'RUNNING');
      // A caught failure also exits its state: the recorded failure marks that step FAILED.
      if (step) Object.assign(step, { status: 'SUCCEEDED', endedAt: iso(event.timestamp) });
    }
  }
  return steps;
}

/** A Lambda error's cause is its JSON payload: the message is what a person wants to read. */
function messageOf(cause: string | undefined): string {
  const payload = parseJson(cause);
  if (isRecord(payload) && typeof payload.errorMessage === 'string') return payload.errorMessage;
  return cause ?? '';
}

/** The `{error, cause, step}` the pipeline recorded before its Fail state (FailStateEntered's input). */
function recordedFailure(events: ExecutionEvent[]): JobError | undefined {
  const fail = events.findLast((e) => e.type === 'FailStateEntered');
  const input = parseJson(fail?.stateEnteredEventDetails?.input);
  const failure = isRecord(input) && isRecord(input.failure) ? input.failure : undefined;
  if (!failure || typeof failure.error !== 'string') return undefined;
  const step = typeof failure.step === 'string' ? failure.step : null;
  return {
    type: failure.error,
    message: messageOf(typeof failure.cause === 'string' ? failure.cause : undefined),
    step,
  };
}

/** The new version, its metrics and the promotion decision, from the succeeded pipeline's output. */
export function resultOf(output: string | undefined): JobResult | undefined {
  const state = parseJson(output);
  const train = isRecord(state) && isRecord(state.train) ? state.train : undefined;
  if (!isRecord(state) || !train || typeof train.version !== 'string') return undefined;
  const { evaluation, promotion, request } = state;
  const metrics = isRecord(train.metrics)
    ? Object.fromEntries(Object.entries(train.metrics).filter(([, v]) => typeof v === 'number'))
    : {};
  const promoted = isRecord(promotion) && promotion.promoted === true;
  const evaluated = isRecord(evaluation) && typeof evaluation.reason === 'string' ? evaluation.reason : '';
  const always = isRecord(request) && request.promote === 'always';
  const reason = promoted && always ? `promote: "always"${evaluated ? ` (${evaluated})` : ''}` : evaluated;
  return {
    version: train.version,
    algorithm: typeof train.algorithm === 'string' ? train.algorithm : undefined,
    metrics: metrics as Record<string, number>,
    promoted,
    reason,
    comparedWith: isRecord(evaluation) && typeof evaluation.promoted === 'string' ? evaluation.promoted : null,
    metric: isRecord(evaluation) && typeof evaluation.metric === 'string' ? evaluation.metric : null,
  };
}

/**
 * A job's progress from its execution. A step that was running when the execution ended
 * (failed, timed out, aborted) is FAILED; the error names it.
 */
export function progressOf(execution: ExecutionSnapshot): JobProgress {
  const steps = stepsOf(execution.events);
  if (execution.status === 'RUNNING') return { status: 'RUNNING', steps };
  const endedAt = iso(execution.stopDate);
  const unfinished = steps.findLast((s) => s.status === 'RUNNING');
  // The step that was running when the execution was stopped or ran out of time ends with it.
  const cut = execution.status === 'ABORTED' || execution.status === 'TIMED_OUT' ? execution.status : 'FAILED';
  if (unfinished) Object.assign(unfinished, { status: cut, endedAt });
  if (execution.status === 'SUCCEEDED') {
    const result = resultOf(execution.output);
    if (result) return { status: 'SUCCEEDED', steps, endedAt, result };
    const error = { type: 'UnexpectedOutput', message: 'the pipeline succeeded without a trained version', step: null };
    return { status: 'FAILED', steps, endedAt, error };
  }
  const recorded = recordedFailure(execution.events);
  if (recorded?.step) {
    const step = steps.findLast((s) => s.name === recorded.step);
    if (step) step.status = 'FAILED';
  }
  const failedStep = recorded?.step ?? unfinished?.name ?? null;
  const error =
    recorded ??
    (execution.status === 'ABORTED'
      ? { type: 'Aborted', message: 'the job was stopped', step: failedStep }
      : execution.status === 'TIMED_OUT'
        ? { type: 'States.Timeout', message: 'the pipeline ran past its time limit', step: failedStep }
        : { type: execution.error ?? 'States.Runtime', message: messageOf(execution.cause), step: failedStep });
  return { status: execution.status, steps, endedAt, error };
}
