import { createSession, loadOrt } from '@serverless-ml/onnx';

/** Runs an exported classifier on a batch with the real ONNX Runtime; returns its labels. */
export async function predictWithOnnx(model: Uint8Array, rows: Float64Array, featureCount: number): Promise<number[]> {
  const ort = loadOrt();
  const session = await createSession(model);
  try {
    const input = new ort.Tensor('float32', Float32Array.from(rows), [rows.length / featureCount, featureCount]);
    const out = await session.run({ input });
    return Array.from(out.label.data as BigInt64Array, Number);
  } finally {
    await session.release();
  }
}
