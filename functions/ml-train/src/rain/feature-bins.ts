/**
 * Per-feature split candidates for histogram tree learning. Thresholds are float32 values, and a
 * row goes left when `x < threshold` (ONNX BRANCH_LT): the float32 input the ONNX model sees
 * takes exactly the branches the trainer took.
 */
export interface FeatureBins {
  /** thresholds[f] ascending; bin b of feature f holds thresholds[f][b−1] ≤ x < thresholds[f][b]. */
  thresholds: Float32Array[];
  /** Row-major [rows × features] bin indexes. */
  binned: Uint8Array;
}

/** The float32 strictly above `low` and at most `high` nearest to their midpoint. */
function threshold(low: number, high: number): number {
  const mid = Math.fround((low + high) / 2);
  return mid > low ? mid : high;
}

function featureThresholds(values: Float32Array, maxBins: number): Float32Array {
  const sorted = values.slice().sort();
  const cuts: number[] = [];
  // Walk the runs of equal values and cut after a run once it reaches the next quantile: a long
  // run (e.g. the dry days at precipitation 0) is one bin and always gets its own boundary.
  let nextQuantile = 1;
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) continue;
    if (i * maxBins < nextQuantile * sorted.length) continue;
    cuts.push(threshold(sorted[i - 1], sorted[i]));
    nextQuantile = Math.floor((i * maxBins) / sorted.length) + 1;
  }
  return Float32Array.from(cuts);
}

/** The bin of `x`: how many thresholds are ≤ x. */
export function binOf(thresholds: Float32Array, x: number): number {
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (x < thresholds[mid]) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Bins every feature of a row-major float32 matrix into at most `maxBins` (≤ 256) bins. */
export function binFeatures(rows: Float32Array, featureCount: number, maxBins: number): FeatureBins {
  if (maxBins > 256) throw new RangeError(`maxBins ${maxBins} must be at most 256`);
  const n = rows.length / featureCount;
  const thresholds = Array.from({ length: featureCount }, (_, f) =>
    featureThresholds(
      Float32Array.from({ length: n }, (_, i) => rows[i * featureCount + f]),
      maxBins,
    ),
  );
  const binned = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) binned[i] = binOf(thresholds[i % featureCount], rows[i]);
  return { thresholds, binned };
}
