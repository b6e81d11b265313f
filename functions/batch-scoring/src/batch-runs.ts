import { NotFoundError } from '@serverless-ml/errors';
import type { ModelStore, ObjectStore } from '@serverless-ml/model-store';
import type * as z from 'zod/mini';
import type { CsvObjects } from './csv-object';
import { inspectInput, resolveVersion } from './plan-batch';
import {
  type BatchPlan,
  type BatchRequest,
  type batchRunSchema,
  manifestKey,
  manifestSchema,
  planKey,
  planSchema,
  runPrefix,
} from './schema';

/** The batch state machine's executions, by run id (the execution's name). */
export interface BatchExecutions {
  start(runId: string, input: string): Promise<void>;
  /** DescribeExecution; undefined when there is no such execution. */
  describe(runId: string): Promise<{ status: string; output?: string; error?: string; cause?: string } | undefined>;
}

export interface BatchDeps {
  executions: BatchExecutions;
  store: ModelStore;
  csv: CsvObjects;
  data: ObjectStore;
  now: () => Date;
}

export type BatchStatus = BatchRun['status'];

/** What `GET /batch/{id}` answers (batchRunSchema, which the API description shows). */
export type BatchRun = z.infer<typeof batchRunSchema>;

/** A run id: its UTC start second and 6 random hex digits (`20261201-143012-a1b2c3`), a valid execution name. */
export function newRunId(now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `${stamp}-${Math.floor(random() * 0x1000000)
    .toString(16)
    .padStart(6, '0')}`;
}

/** Execution names Step Functions accepts (a run started directly may have any of them). */
const RUN_ID = /^[A-Za-z0-9_-]{1,80}$/;
const statusUrl = (runId: string) => `/batch/${runId}`;

/**
 * `POST /batch`: pins the version and checks the input against it now — exists, has rows, a header
 * if any that is the model's — so a 400, 404 or 503 comes at once rather than as a FAILED run;
 * then starts the execution named by a new run id.
 */
export async function startBatch(request: BatchRequest, deps: BatchDeps): Promise<BatchRun> {
  const version = await resolveVersion(request.model, request.version, deps.store);
  const { key } = await inspectInput(request, version, { objects: deps.csv, store: deps.store });
  const runId = newRunId(deps.now());
  await deps.executions.start(runId, JSON.stringify({ ...request, version }));
  const input = `s3://${deps.csv.bucket}/${key}`;
  return { runId, status: 'RUNNING', statusUrl: statusUrl(runId), model: request.model, version, input };
}

/** A Lambda error's cause is its JSON payload: the message is what a person wants to read. */
function messageOf(cause: string | undefined): string {
  try {
    const payload: unknown = JSON.parse(cause ?? '');
    const message = (payload as { errorMessage?: unknown } | null)?.errorMessage;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: the cause is the message
  }
  return cause ?? '';
}

/** `GET /batch/{id}`: the execution's status, progress from the plan and the parts written, the manifest once done. */
export async function readBatch(runId: string, deps: BatchDeps): Promise<BatchRun> {
  if (!RUN_ID.test(runId)) throw new NotFoundError(`no batch run "${runId}"`);
  const [described, storedManifest, storedPlan] = await Promise.all([
    deps.executions.describe(runId),
    deps.data.getJson<unknown>(manifestKey(runId)),
    deps.data.getJson<unknown>(planKey(runId)),
  ]);
  if (!described && storedManifest === undefined) throw new NotFoundError(`no batch run "${runId}"`);
  const plan: BatchPlan | undefined = storedPlan === undefined ? undefined : planSchema.parse(storedPlan);
  const manifest = storedManifest === undefined ? undefined : manifestSchema.parse(storedManifest);
  // The manifest is written last: with it the run has succeeded, even if its execution is forgotten.
  const status = (manifest ? 'SUCCEEDED' : (described?.status ?? 'FAILED')) as BatchStatus;
  const { keys } = await deps.data.list(`${runPrefix(runId)}part-`);
  const run: BatchRun = {
    runId,
    status,
    statusUrl: statusUrl(runId),
    model: plan?.model,
    version: plan?.version,
    input: plan ? `s3://${plan.input.bucket}/${plan.input.key}` : undefined,
    shards: plan?.shards.length,
    partsDone: keys.length,
    elapsedMs: plan ? (manifest?.elapsedMs ?? deps.now().getTime() - Date.parse(plan.startedAt)) : undefined,
  };
  if (manifest) return { ...run, manifest };
  if (status === 'RUNNING') return run;
  return { ...run, error: { type: described?.error ?? status, message: messageOf(described?.cause) } };
}
