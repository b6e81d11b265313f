import { createHash } from 'node:crypto';
import { ValidationError } from '@serverless-ml/errors';
import { inputSchema, outputSchema } from '@serverless-ml/model-store/contract';
import { createSession } from '@serverless-ml/onnx';
import { runHousingSession } from './evaluate-housing-onnx';
import type { HousingAlgorithmName } from './housing-algorithms';
import { selectRows, splitHousingRows } from './housing-dataset';
import { realHousing } from './housing-fixture';
import { type TrainedHousingModel, trainHousingModel } from './train-housing-model';

const rows = realHousing().rows;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * ONNX Runtime computes in float32 what the trainer computes in float64 from the same float32
 * features and float32-rounded parameters. Each float32 operation rounds by at most 2⁻²⁴ ≈ 6e-8
 * relative; a prediction goes through at most a few hundred of them (one addition per tree, a
 * 64-term dot product per layer), so it may drift by ~1e-5 of its value. Small predictions get 1 USD:
 * the linear model's 16 terms of ~1e5 USD cancel there. A wrong branch, weight or category costs
 * thousands of USD, far beyond this.
 */
function expectOnnxMatchesTrainer(trained: TrainedHousingModel) {
  const { trainerPredictions: expected, onnxPredictions: served } = trained;
  expect(served).toHaveLength(4128);
  let worst = 0;
  for (let i = 0; i < expected.length; i++)
    worst = Math.max(worst, Math.abs(served[i] - expected[i]) / Math.max(1, 1e-5 * Math.abs(expected[i])));
  expect(worst).toBeLessThanOrEqual(1);
}

// Small settings where the defaults take seconds: enough to catch an export that disagrees.
const QUICK: [HousingAlgorithmName, object, number][] = [
  ['linear', {}, 0.6],
  ['gbm', { rounds: 20, maxLeaves: 15, learningRate: 0.3 }, 0.7],
  ['forest', { trees: 6, maxLeaves: 128 }, 0.7],
  ['mlp', { epochs: 2, hiddenLayers: [16, 16] }, 0.5],
];

describe.each(QUICK)('trainHousingModel with %s', (algorithm, hyperParameters, r2Floor) => {
  let first: TrainedHousingModel;
  beforeAll(async () => {
    first = await trainHousingModel({ rows, algorithm, hyperParameters, seed: 7 });
  });

  it("serves in ONNX Runtime the trainer's own predictions (float32 vs float64 tolerance)", () => {
    expectOnnxMatchesTrainer(first);
    expect(first.onnxDrift.maxRelDiff).toBeLessThan(1e-4);
  });

  it('retrains to byte-identical ONNX from the same rows, hyper-parameters and seed', async () => {
    const again = await trainHousingModel({ rows, algorithm, hyperParameters, seed: 7 });
    expect(sha256(again.onnx)).toBe(sha256(first.onnx));
  });

  it(`beats predicting the mean on the test rows (R² ≥ ${r2Floor})`, () => {
    expect(first.metrics.r2).toBeGreaterThanOrEqual(r2Floor);
    expect(first.baselines.predict_mean_r2).toBeLessThanOrEqual(0);
    expect(first.metrics.rmse).toBeLessThan(first.baselines.predict_mean_rmse);
    expect(first.split).toEqual({ trainRows: 16512, testRows: 4128 });
  });
});

describe('trainHousingModel defaults', () => {
  let trained: TrainedHousingModel;
  const log = jest.fn();
  beforeAll(async () => {
    trained = await trainHousingModel({ rows, log });
  });

  it('trains gbm, the default, to test R² ≥ 0.83 (scikit-learn HistGradientBoosting: 0.8216)', () => {
    expect(trained.algorithm).toBe('gbm');
    expect(trained.metrics.r2).toBeGreaterThanOrEqual(0.83);
    expectOnnxMatchesTrainer(trained);
    expect(trained.hyperParameters).toMatchObject({ rounds: expect.any(Number), learningRate: expect.any(Number) });
    expect(log.mock.calls.map(([m]) => String(m))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^gbm round 50\//), expect.stringMatching(/^\[3\/3\]/)]),
    );
  });

  it('follows the model contract: input and output schemas, and the ONNX inputs and output they name', async () => {
    expect(inputSchema.parse(trained.input)).toEqual(trained.input);
    expect(outputSchema.parse(trained.output)).toEqual(trained.output);
    expect(trained.task).toBe('regression');
    const session = await createSession(trained.onnx);
    try {
      expect(session.inputNames).toEqual(trained.input.tensors.map((t) => t.name));
      expect(session.outputNames).toEqual([trained.output.tensor]);
    } finally {
      await session.release();
    }
  });

  it('imputes an empty total_bedrooms inside the graph with the training median', async () => {
    const { test } = splitHousingRows(rows);
    const row = selectRows(test, (i) => i === 0);
    const empty = { ...row, numeric: Float64Array.from(row.numeric, (v, c) => (c === 4 ? Number.NaN : v)) };
    const known = Array.from(splitHousingRows(rows).train.numeric.filter((_, i) => i % 8 === 4))
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const half = known.length >> 1;
    const trainMedian = known.length % 2 ? known[half] : (known[half - 1] + known[half]) / 2;
    const median = { ...row, numeric: Float64Array.from(row.numeric, (v, c) => (c === 4 ? trainMedian : v)) };
    const session = await createSession(trained.onnx);
    try {
      const [a, b] = [await runHousingSession(session, empty), await runHousingSession(session, median)];
      expect(a[0]).toBe(b[0]);
    } finally {
      await session.release();
    }
  });
});

describe('trainHousingModel hyper-parameters', () => {
  it('rejects an invalid hyper-parameter with a ValidationError naming it', async () => {
    await expect(trainHousingModel({ rows, algorithm: 'gbm', hyperParameters: { rounds: 0 } })).rejects.toThrow(
      new ValidationError('Invalid housing training: hyperParameters.rounds must be at least 1'),
    );
  });

  it('rejects an unknown hyper-parameter', async () => {
    await expect(trainHousingModel({ rows, algorithm: 'linear', hyperParameters: { alpah: 1 } })).rejects.toThrow(
      ValidationError,
    );
  });
});
