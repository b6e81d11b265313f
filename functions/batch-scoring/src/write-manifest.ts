import { type BatchManifest, type BatchPart, type BatchPlan, manifestKey, runPrefix } from './schema';

/** A Map that answered other parts than the plan's shards: the manifest would lie. */
export class IncompleteBatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteBatchError';
  }
}

export interface ManifestDeps {
  /** Keys under a prefix of the data bucket. */
  listKeys(prefix: string): Promise<string[]>;
  putJson(key: string, body: string): Promise<void>;
  now(): Date;
}

/**
 * The Manifest step: checks that there is exactly one part per planned shard and that each is in
 * the bucket, then writes `batch/<runId>/manifest.json` (model, version, rows, every part's key,
 * rows and sha256, elapsed time and rows per second) and answers it.
 */
export async function writeManifest(plan: BatchPlan, parts: BatchPart[], deps: ManifestDeps): Promise<BatchManifest> {
  const ordered = [...parts].sort((a, b) => a.index - b.index);
  const indices = ordered.map((p) => p.index).join(',');
  const planned = plan.shards.map((s) => s.index).join(',');
  if (indices !== planned) {
    throw new IncompleteBatchError(`the run answered parts [${indices}] for the planned shards [${planned}]`);
  }
  const stored = new Set(await deps.listKeys(runPrefix(plan.runId)));
  const absent = ordered.filter((p) => !stored.has(p.key)).map((p) => p.key);
  if (absent.length) throw new IncompleteBatchError(`parts missing from the bucket: ${absent.join(', ')}`);
  const finished = deps.now();
  const elapsedMs = Math.max(1, finished.getTime() - Date.parse(plan.startedAt));
  const rows = ordered.reduce((sum, p) => sum + p.rows, 0);
  const manifest: BatchManifest = {
    runId: plan.runId,
    model: plan.model,
    version: plan.version,
    input: { bucket: plan.input.bucket, key: plan.input.key, bytes: plan.input.size, header: plan.header },
    rows,
    parts: ordered,
    startedAt: plan.startedAt,
    finishedAt: finished.toISOString(),
    elapsedMs,
    rowsPerSecond: Math.round((rows / elapsedMs) * 1000),
  };
  await deps.putJson(manifestKey(plan.runId), JSON.stringify(manifest, null, 2));
  return manifest;
}
