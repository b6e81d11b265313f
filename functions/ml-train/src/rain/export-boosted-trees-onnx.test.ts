import { readFileSync } from 'node:fs';
import { sha256Hex } from '@serverless-ml/datasets';
import { createSession, loadOrt } from '@serverless-ml/onnx';
import { RAIN_FEATURE_NAMES } from '@serverless-ml/rain-model';
import { predictProbabilities } from './boosted-trees';
import { exportBoostedTreesToOnnx } from './export-boosted-trees-onnx';
import { maxAbsDiff, onnxProbabilities } from './onnx-probabilities';
import { FIXTURE_PATH, trainFixtureModel } from './rain-fixture';

interface Fixture {
  featureNames: string[];
  modelSha256: string;
  rows: number[][];
  probabilities: number[];
}

const fixture: Fixture = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));
const { model } = trainFixtureModel();
const onnx = exportBoostedTreesToOnnx(model);

describe('exportBoostedTreesToOnnx', () => {
  it('retrains the fixture model byte for byte (same data, parameters and seed)', () => {
    expect(fixture.featureNames).toEqual(RAIN_FEATURE_NAMES);
    expect(sha256Hex(onnx)).toBe(fixture.modelSha256);
  });

  it('gives the saved expected probabilities in ONNX Runtime, to 1e-5', async () => {
    const rows = Float32Array.from(fixture.rows.flat());
    const [probabilities] = await onnxProbabilities(onnx, [rows], RAIN_FEATURE_NAMES.length);
    expect(probabilities).toHaveLength(fixture.probabilities.length);
    expect(maxAbsDiff(probabilities, fixture.probabilities)).toBeLessThan(1e-5);
    // The fixture must exercise both outcomes, or a constant model would pass.
    expect(Math.min(...fixture.probabilities)).toBeLessThan(0.3);
    expect(Math.max(...fixture.probabilities)).toBeGreaterThan(0.6);
  });

  it('has one float input `features` and one output `probability` of shape [N]', async () => {
    const session = await createSession(onnx);
    try {
      expect(session.inputNames).toEqual(['features']);
      expect(session.outputNames).toEqual(['probability']);
      const one = new (loadOrt().Tensor)('float32', Float32Array.from(fixture.rows[0]), [1, RAIN_FEATURE_NAMES.length]);
      const { probability } = await session.run({ features: one });
      expect(probability.dims).toEqual([1]);
      expect(probability.type).toBe('float32');
    } finally {
      await session.release();
    }
  });

  it('agrees with the trainer on rows that sit exactly on split thresholds', async () => {
    // float32 thresholds and BRANCH_LT: a value equal to a threshold goes right in both.
    const f = RAIN_FEATURE_NAMES.length;
    const rows = new Float32Array(model.trees.length * f);
    model.trees.forEach((tree, t) => {
      rows.set(Float32Array.from(fixture.rows[t % fixture.rows.length]), t * f);
      if (tree.feature[0] >= 0) rows[t * f + tree.feature[0]] = tree.threshold[0];
    });
    const [served] = await onnxProbabilities(onnx, [rows], f);
    const trainer = predictProbabilities(model, rows);
    expect(maxAbsDiff(served, trainer)).toBeLessThan(1e-5);
  });
});
