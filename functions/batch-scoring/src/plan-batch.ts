import { ModelNotReadyError, NotFoundError, ValidationError } from '@serverless-ml/errors';
import { type ModelStore, parseModelMetadata } from '@serverless-ml/model-store';
import { bytesPerRow, dataStartOf } from './csv-header';
import { type CsvObjects, inputKey } from './csv-object';
import { type BatchPlan, type BatchRequest, DEFAULT_CONCURRENCY } from './schema';
import { shardCount, shardRanges } from './shard-ranges';

/** Bytes read to find the header and the average row length. */
const SAMPLE_BYTES = 64 * 1024;

export interface PlanDeps {
  objects: CsvObjects;
  store: ModelStore;
}

/** The version a run scores with: the one asked for, else the promoted one now (pinned for the whole run). */
export async function resolveVersion(model: string, version: string | undefined, store: ModelStore): Promise<string> {
  if (version !== undefined) return version;
  const pointer = await store.latest(model);
  if (pointer) return pointer.version;
  const versions = await store.versions(model);
  if (versions.length === 0) throw new NotFoundError(`no model named "${model}": train it first`);
  throw new ModelNotReadyError(`${model} has no promoted version: promote one, or pin one with "version"`);
}

/** What a run reads of its input before scoring: where it is, its size, where the rows start. */
export interface InputLayout {
  key: string;
  size: number;
  /** 0, or the byte after the header line. */
  dataStart: number;
  /** Average bytes per row in the first 64 KiB. */
  rowBytes: number;
}

/**
 * Reads the input's size and first 64 KiB against the version's features: a 404 for a missing
 * input, a 400 for a first line that names features but is not the model's header, or for an input
 * without rows. `POST /batch` runs it before starting, so the client hears at once rather than
 * from a FAILED run; the Plan step runs it again, as the object may have changed since.
 */
export async function inspectInput(
  request: BatchRequest,
  version: string,
  { objects, store }: PlanDeps,
): Promise<InputLayout> {
  const key = inputKey(request.input, objects.bucket);
  const size = await objects.size(key);
  const metadataBytes = await store.versionFile(request.model, version, 'metadata.json');
  if (!metadataBytes) throw new NotFoundError(`${request.model} has no version ${version}`);
  const metadata = parseModelMetadata(metadataBytes, `${request.model}@${version}/metadata.json`);
  const sample = await objects.read(key, 0, Math.min(size, SAMPLE_BYTES));
  const features = metadata.input.features.map((f) => f.name);
  const dataStart = dataStartOf(sample, features, metadata.output.name);
  if (size - dataStart <= 0) throw new ValidationError(`s3://${objects.bucket}/${key} has no rows to score`);
  return { key, size, dataStart, rowBytes: bytesPerRow(sample, dataStart) };
}

/**
 * The Plan step: pins the model version, finds the header and cuts the rows after it into byte
 * ranges (`shards`, or about `shardRows` rows each from the sampled row length).
 */
export async function planBatch(
  request: BatchRequest,
  run: { runId: string; startedAt: string },
  deps: PlanDeps,
): Promise<BatchPlan> {
  const version = await resolveVersion(request.model, request.version, deps.store);
  const { key, size, dataStart, rowBytes } = await inspectInput(request, version, deps);
  const count = shardCount(size - dataStart, rowBytes, request);
  return {
    ...run,
    model: request.model,
    version,
    input: { bucket: deps.objects.bucket, key, size, dataStart },
    header: dataStart > 0,
    concurrency: request.concurrency ?? DEFAULT_CONCURRENCY,
    shards: shardRanges(dataStart, size, count),
  };
}
