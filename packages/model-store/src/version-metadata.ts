/** What the registry reads from a version's `metadata.json`, whichever trainer wrote it. */
export interface VersionMetadata {
  /** The whole parsed file; `undefined` when it is missing or not a JSON object. */
  raw?: Record<string, unknown>;
  trainedAt?: string;
  /** The model.onnx sha256 the trainer recorded (`onnx.sha256`), if any. */
  modelSha256?: string;
  /** Headline figures, flattened: `accuracy`, `baselines.persistence_accuracy`, `count`, … */
  metrics: Record<string, number>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Numbers of an object and of the objects nested in it, down to `depth` levels; arrays are skipped. */
function numbersIn(value: Record<string, unknown>, depth: number, prefix = '', out: Record<string, number> = {}) {
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'number' && Number.isFinite(item)) out[prefix + key] = item;
    else if (isRecord(item) && depth > 1) numbersIn(item, depth - 1, `${prefix}${key}.`, out);
  }
  return out;
}

/**
 * A version's headline metrics: the numbers of its `metrics` section (two levels, so rain's
 * `baselines.*` count; digits' per-class arrays and confusion matrix do not). A metadata.json
 * without `metrics` (stores) gives its top-level numbers and the `count` of each top-level section.
 */
export function headlineMetrics(metadata: Record<string, unknown>): Record<string, number> {
  if (isRecord(metadata.metrics)) return numbersIn(metadata.metrics, 2);
  const out = numbersIn(metadata, 1);
  for (const [key, item] of Object.entries(metadata)) {
    if (isRecord(item) && typeof item.count === 'number') out[`${key}.count`] = item.count;
  }
  return out;
}

/** Parses a version's metadata.json leniently: a missing or broken file gives empty metrics, not an error. */
export function readVersionMetadata(bytes: Uint8Array | undefined): VersionMetadata {
  if (!bytes) return { metrics: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return { metrics: {} };
  }
  if (!isRecord(raw)) return { metrics: {} };
  const sha = isRecord(raw.onnx) ? raw.onnx.sha256 : raw.modelSha256;
  return {
    raw,
    trainedAt: typeof raw.trainedAt === 'string' ? raw.trainedAt : undefined,
    modelSha256: typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) ? sha : undefined,
    metrics: headlineMetrics(raw),
  };
}
