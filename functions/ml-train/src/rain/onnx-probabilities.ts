import { createSession, loadOrt } from '@serverless-ml/onnx';

/** Runs the exported rain model with the real ONNX Runtime on each matrix; returns `probability` per matrix. */
export async function onnxProbabilities(model: Uint8Array, matrices: Float32Array[], featureCount: number) {
  const ort = loadOrt();
  const session = await createSession(model);
  try {
    const results: Float32Array[] = [];
    for (const rows of matrices) {
      const features = new ort.Tensor('float32', rows, [rows.length / featureCount, featureCount]);
      const { probability } = await session.run({ features });
      if (!(probability.data instanceof Float32Array)) throw new TypeError('the probability output is not float32');
      results.push(probability.data);
    }
    return results;
  } finally {
    await session.release();
  }
}

/** Largest |a[i] − b[i]|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}
