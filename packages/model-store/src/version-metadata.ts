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
