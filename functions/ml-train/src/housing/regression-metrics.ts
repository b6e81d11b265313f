/** Test-set figures of a regressor, in the target's units (USD) except R². */
export interface RegressionMetrics {
  r2: number;
  rmse: number;
  mae: number;
}

/** R² (1 − SSE/SST around the mean of `actual`), root mean squared error and mean absolute error. */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (n === 0 || predicted.length !== n)
    throw new RangeError(`need equal, non-empty lengths (${n}, ${predicted.length})`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i] / n;
  let squares = 0;
  let total = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    const error = predicted[i] - actual[i];
    squares += error * error;
    absolute += Math.abs(error);
    total += (actual[i] - mean) ** 2;
  }
  return { r2: 1 - squares / total, rmse: Math.sqrt(squares / n), mae: absolute / n };
}

/** The figures of always predicting the mean of the training targets. */
export function meanBaseline(trainTargets: ArrayLike<number>, testTargets: ArrayLike<number>): RegressionMetrics {
  let mean = 0;
  for (let i = 0; i < trainTargets.length; i++) mean += trainTargets[i] / trainTargets.length;
  return regressionMetrics(testTargets, new Float64Array(testTargets.length).fill(mean));
}

/** Largest absolute and relative (to |expected|) difference between two prediction vectors. */
export function predictionDrift(expected: ArrayLike<number>, actual: ArrayLike<number>) {
  let maxAbsDiff = 0;
  let maxRelDiff = 0;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    maxAbsDiff = Math.max(maxAbsDiff, diff);
    maxRelDiff = Math.max(maxRelDiff, diff / Math.max(Math.abs(expected[i]), 1));
  }
  return { maxAbsDiff, maxRelDiff };
}
