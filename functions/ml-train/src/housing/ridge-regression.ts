import * as z from 'zod/mini';
import type { TrainingSet } from './housing-algorithm';
import { positiveNumber } from './hyper-parameter-fields';
import { fitStandardScaler, type StandardScaler, standardize } from './standard-scaler';

/** Ridge regression on standardized features. */
export const linearHyperParametersSchema = z.strictObject({
  /**
   * L2 penalty on the standardized weights. Must be > 0: the five one-hot columns add up to the
   * intercept, so XᵀX alone is singular. Against XᵀX's diagonal (one per row, 16512) 1 is small.
   */
  alpha: positiveNumber(1),
});
export type LinearHyperParameters = z.infer<typeof linearHyperParametersSchema>;

/** y = intercept + Σ weights[f] · (x[f] − mean[f]) / scale[f]; weights float32-rounded as exported. */
export interface RidgeModel {
  scaler: StandardScaler;
  weights: Float64Array;
  intercept: number;
}

/** Solves A x = b for a symmetric positive definite A (row-major k × k) by Cholesky, A = L Lᵀ. */
export function solveCholesky(a: Float64Array, b: Float64Array): Float64Array {
  const k = b.length;
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * k + j];
      for (let p = 0; p < j; p++) sum -= l[i * k + p] * l[j * k + p];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError(`matrix is not positive definite (pivot ${i} is ${sum})`);
        l[i * k + i] = Math.sqrt(sum);
      } else l[i * k + j] = sum / l[j * k + j];
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let p = 0; p < i; p++) sum -= l[i * k + p] * y[p];
    y[i] = sum / l[i * k + i];
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = y[i];
    for (let p = i + 1; p < k; p++) sum -= l[p * k + i] * x[p];
    x[i] = sum / l[i * k + i];
  }
  return x;
}

/** Fits ridge regression in closed form: (ZᵀZ + αI) w = Zᵀ(y − ȳ) on centred, scaled features Z. */
export function trainRidge(data: TrainingSet, p: LinearHyperParameters, log: (m: string) => void): RidgeModel {
  const f = data.featureCount;
  const scaler = fitStandardScaler(data.features, f);
  const z = standardize(scaler, data.features);
  const intercept = data.target.reduce((s, v) => s + v, 0) / data.count;
  log(`linear: normal equations of ${data.count} rows × ${f} standardized features, alpha ${p.alpha}`);
  const gram = new Float64Array(f * f);
  const moment = new Float64Array(f);
  for (let r = 0; r < data.count; r++) {
    const row = z.subarray(r * f, (r + 1) * f);
    const y = data.target[r] - intercept;
    for (let i = 0; i < f; i++) {
      moment[i] += row[i] * y;
      for (let j = 0; j <= i; j++) gram[i * f + j] += row[i] * row[j];
    }
  }
  for (let i = 0; i < f; i++) {
    gram[i * f + i] += p.alpha;
    for (let j = 0; j < i; j++) gram[j * f + i] = gram[i * f + j];
  }
  const weights = solveCholesky(gram, moment).map(Math.fround);
  log('linear: solved by Cholesky');
  return { scaler, weights, intercept: Math.fround(intercept) };
}

/** The trainer's own predictions. */
export function predictRidge(model: RidgeModel, features: Float32Array): Float64Array {
  const f = model.weights.length;
  const z = standardize(model.scaler, features);
  return Float64Array.from({ length: features.length / f }, (_, r) => {
    let sum = model.intercept;
    for (let i = 0; i < f; i++) sum += model.weights[i] * z[r * f + i];
    return sum;
  });
}
