import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { MODEL_NAME_PATTERN, VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';
import { MAX_SHARDS } from './shard-ranges';

/** Shards running at once when the caller says nothing (Lambda's concurrency caps it further on AWS). */
export const DEFAULT_CONCURRENCY = 10;
export const MAX_CONCURRENCY = 1000;
/** The state machine's TimeoutSeconds (statemachines/batch-scoring.asl.yml; a test keeps them equal). */
export const BATCH_TIMEOUT_SECONDS = 3600;

const positiveInt = (max: number) =>
  z
    .int({ error: 'must be a whole number' })
    .check(z.gte(1, { error: 'must be at least 1' }), z.lte(max, { error: `must be at most ${max}` }));

/** `POST /batch`'s body, and the execution's input when it is started directly (StartExecution). */
export const batchRequestSchema = z.strictObject({
  model: z
    .string({ error: 'must be a string' })
    .check(z.regex(MODEL_NAME_PATTERN, { error: 'must be a model name like "housing"' })),
  /** `s3://<data bucket>/<key>` or a key in the data bucket. */
  input: z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' })),
  /** A pinned version; the promoted one (`latest`) when absent, resolved once when the run starts. */
  version: z.optional(
    z.string({ error: 'must be a string' }).check(z.regex(VERSION_ID_PATTERN, { error: 'must be a version id' })),
  ),
  shards: z.optional(positiveInt(MAX_SHARDS)),
  shardRows: z.optional(positiveInt(10_000_000)),
  concurrency: z.optional(positiveInt(MAX_CONCURRENCY)),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** Validates a batch request; a ValidationError names the first bad field. */
export function parseBatchRequest(value: unknown): BatchRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('Invalid batch request: send {"model": "housing", "input": "s3://…/rows.csv"}');
  }
  const parsed = batchRequestSchema.safeParse(value);
  if (!parsed.success) throw validationErrorFrom(parsed.error.issues, 'Invalid batch request: ');
  if (parsed.data.shards !== undefined && parsed.data.shardRows !== undefined) {
    throw new ValidationError('Invalid batch request: give shards or shardRows, not both');
  }
  return parsed.data;
}

const shardSchema = z.object({ index: z.int(), start: z.int(), end: z.int() });

/** Where the rows are: the object, its size, and the first byte after its header. */
const inputSchema = z.object({ bucket: z.string(), key: z.string(), size: z.int(), dataStart: z.int() });

/** The Plan step's answer: the pinned version and the shards (the Map's items). */
export const planSchema = z.object({
  runId: z.string(),
  startedAt: z.string(),
  model: z.string(),
  version: z.string(),
  input: inputSchema,
  header: z.boolean(),
  concurrency: z.int(),
  shards: z.array(shardSchema),
});
export type BatchPlan = z.infer<typeof planSchema>;

/** One Map item as ItemSelector builds it: the run, the pinned model and one shard. */
export const shardTaskSchema = z.object({
  runId: z.string(),
  model: z.string(),
  version: z.string(),
  input: inputSchema,
  shard: shardSchema,
});
export type ShardTask = z.infer<typeof shardTaskSchema>;

/** What a shard wrote: its part's key, rows, bytes and sha256. */
export const partSchema = z.object({
  index: z.int(),
  key: z.string(),
  rows: z.int(),
  bytes: z.int(),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  start: z.int(),
  end: z.int(),
});
export type BatchPart = z.infer<typeof partSchema>;

/** `batch/<runId>/manifest.json`, also the execution's output. */
export const manifestSchema = z.object({
  runId: z.string(),
  model: z.string(),
  version: z.string(),
  input: z.object({ bucket: z.string(), key: z.string(), bytes: z.int(), header: z.boolean() }),
  rows: z.int(),
  parts: z.array(partSchema),
  startedAt: z.string(),
  finishedAt: z.string(),
  elapsedMs: z.number(),
  rowsPerSecond: z.number(),
});
export type BatchManifest = z.infer<typeof manifestSchema>;

/** What `POST /batch` (202) and `GET /batch/{id}` answer. */
export const batchRunSchema = z.object({
  runId: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']),
  statusUrl: z.string(),
  model: z.optional(z.string()),
  version: z.optional(z.string()),
  input: z.optional(z.string()),
  shards: z.optional(z.int()),
  partsDone: z.optional(z.int()),
  elapsedMs: z.optional(z.number()),
  manifest: z.optional(manifestSchema),
  error: z.optional(z.object({ type: z.string(), message: z.string() })),
});

/** `/batch/{id}`: a run id. */
export const batchPathSchema = z.object({ id: z.string().check(z.minLength(1)) });

/** Parses a step's input with its schema; a malformed one is a ValidationError naming the field. */
export function parseStepInput<T extends z.ZodMiniType>(schema: T, value: unknown, step: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationErrorFrom(parsed.error.issues, `Invalid ${step} input: `);
  return parsed.data;
}

/** Where a run's files go in the data bucket. */
export const runPrefix = (runId: string) => `batch/${runId}/`;
export const partKey = (runId: string, index: number) =>
  `${runPrefix(runId)}part-${String(index).padStart(5, '0')}.csv`;
export const manifestKey = (runId: string) => `${runPrefix(runId)}manifest.json`;
export const planKey = (runId: string) => `${runPrefix(runId)}plan.json`;
