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

/**
 * The Plan step: pins the model version, finds the header and cuts the rows after it into byte
 * ranges (`shards`, or about `shardRows` rows each from the sampled row length).
 */
export async function planBatch(
  request: BatchRequest,
  run: { runId: string; startedAt: string },
  { objects, store }: PlanDeps,
): Promise<BatchPlan> {
  const key = inputKey(request.input, objects.bucket);
  const version = await resolveVersion(request.model, request.version, store);
  const metadataBytes = await store.versionFile(request.model, version, 'metadata.json');
  if (!metadataBytes) throw new NotFoundError(`${request.model} has no version ${version}`);
  const metadata = parseModelMetadata(metadataBytes, `${request.model}@${version}/metadata.json`);
  const size = await objects.size(key);
  const sample = await objects.read(key, 0, Math.min(size, SAMPLE_BYTES));
  const features = metadata.input.features.map((f) => f.name);
  const dataStart = dataStartOf(sample, features, metadata.output.name);
  if (size - dataStart <= 0) throw new ValidationError(`s3://${objects.bucket}/${key} has no rows to score`);
  const count = shardCount(size - dataStart, bytesPerRow(sample, dataStart), request);
  return {
    ...run,
    model: request.model,
    version,
    input: { bucket: objects.bucket, key, size, dataStart },
    header: dataStart > 0,
    concurrency: request.concurrency ?? DEFAULT_CONCURRENCY,
    shards: shardRanges(dataStart, size, count),
  };
}
