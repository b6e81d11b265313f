import { exportSvcToOnnx } from '../../functions/ml-train/src/digits/export-svc-onnx';
import type { SvcModel } from '../../functions/ml-train/src/digits/train-svc';
import { createSession, loadOrt, type OrtSession } from '../../packages/onnx/src';
import type { DigitsSplit } from './digits-data';
import { median, percentile, round, timeRuns } from './stats';

export interface InferenceFigures {
  accuracy: number;
  correct: number;
  total: number;
  onnx_bytes: number;
  batch899_ms: number;
  batch899_runs: number;
  single_p50_us: number;
  single_p99_us: number;
  single_runs: number;
}

export interface InferenceRuns {
  batchRuns: number;
  batchWarmup: number;
  singleRuns: number;
  singleWarmup: number;
}

async function predictLabels(
  session: OrtSession,
  pixels: Float32Array,
  rows: number,
  featureCount: number,
): Promise<number[]> {
  const ort = loadOrt();
  const out = await session.run({ input: new ort.Tensor('float32', pixels, [rows, featureCount]) });
  const labels = out.label?.data;
  if (!(labels instanceof BigInt64Array)) throw new Error('the model has no int64 "label" output');
  if (!out.votes) throw new Error('the model has no "votes" output');
  return Array.from(labels, Number);
}

/**
 * Exports the trained SVC to ONNX and runs it in ONNX Runtime with the session options the
 * functions use: accuracy on the test half, the whole test set as one batch, and one row per run.
 */
export async function measureInference(
  model: SvcModel,
  data: DigitsSplit,
  runs: InferenceRuns,
): Promise<{ figures: InferenceFigures; predictions: number[] }> {
  const f = data.featureCount;
  const onnx = exportSvcToOnnx(model, { task: 'digits', gamma: String(model.gamma) });
  const session = await createSession(onnx);
  try {
    const predicted = await predictLabels(session, data.testFeatures, data.testRows, f);
    const correct = predicted.filter((label, i) => label === data.testLabels[i]).length;

    const batch = await timeRuns(
      () => predictLabels(session, data.testFeatures, data.testRows, f),
      runs.batchRuns,
      runs.batchWarmup,
    );
    // Cycle through the test rows so no single row's cache footprint flatters the figure.
    const row = (i: number) => data.testFeatures.subarray((i % data.testRows) * f, ((i % data.testRows) + 1) * f);
    const single = await timeRuns((i) => predictLabels(session, row(i), 1, f), runs.singleRuns, runs.singleWarmup);
    const figures: InferenceFigures = {
      accuracy: round(correct / data.testRows, 5),
      correct,
      total: data.testRows,
      onnx_bytes: onnx.length,
      batch899_ms: round(median(batch), 3),
      batch899_runs: runs.batchRuns,
      single_p50_us: round(median(single) * 1000, 1),
      single_p99_us: round(percentile(single, 99) * 1000, 1),
      single_runs: runs.singleRuns,
    };
    return { figures, predictions: predicted };
  } finally {
    await session.release();
  }
}
