import { predictProbabilities, trainBoostedTrees } from './boosted-trees';
import { binFeatures } from './feature-bins';

const params = {
  trees: 30,
  learningRate: 0.3,
  maxDepth: 2,
  minLeafRows: 2,
  l2: 1,
  subsample: 0.8,
  maxBins: 16,
  seed: 7,
};

/** 200 rows, 2 features: the label is 1 exactly when feature 0 > 0.5; feature 1 is noise. */
function toyData() {
  const rows = new Float32Array(400);
  const labels = new Uint8Array(200);
  for (let i = 0; i < 200; i++) {
    rows[2 * i] = ((i * 37) % 200) / 200;
    rows[2 * i + 1] = (i * 91) % 13;
    labels[i] = rows[2 * i] > 0.5 ? 1 : 0;
  }
  return { rows, labels };
}

describe('trainBoostedTrees', () => {
  it('learns a threshold rule', () => {
    const { rows, labels } = toyData();
    const model = trainBoostedTrees(rows, labels, 2, params);
    const p = predictProbabilities(model, Float32Array.from([0.1, 3, 0.9, 3]));
    expect(p[0]).toBeLessThan(0.1);
    expect(p[1]).toBeGreaterThan(0.9);
  });

  it('is deterministic for a seed and changes with it', () => {
    const { rows, labels } = toyData();
    const a = trainBoostedTrees(rows, labels, 2, params);
    const b = trainBoostedTrees(rows, labels, 2, params);
    const c = trainBoostedTrees(rows, labels, 2, { ...params, seed: 8 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('binFeatures', () => {
  it('keeps the boundary after a long run of equal values (dry days at 0 mm)', () => {
    const precipitation = Float32Array.from([...new Array(80).fill(0), ...Array.from({ length: 20 }, (_, i) => i + 1)]);
    const { thresholds } = binFeatures(precipitation, 1, 4);
    expect(thresholds[0][0]).toBeGreaterThan(0);
    expect(thresholds[0][0]).toBeLessThanOrEqual(1);
  });
});
