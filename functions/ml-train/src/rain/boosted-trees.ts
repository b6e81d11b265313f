import { binFeatures } from './feature-bins';
import { growTree, type RegressionTree, type TreeOptions, treeValue } from './regression-tree';
import { sampleIndexes, seededRandom } from './seeded-random';

/** Hyper-parameters of the gradient-boosted trees (logistic loss). */
export interface BoostingParams extends TreeOptions {
  trees: number;
  /** Share of rows each tree is grown on, drawn without replacement. */
  subsample: number;
  maxBins: number;
  seed: number;
}

/** A trained model: P(y=1 | x) = sigmoid(baseScore + Σ tree values). */
export interface BoostedTrees {
  featureCount: number;
  baseScore: number;
  trees: RegressionTree[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Trains gradient-boosted regression trees on the log-loss of 0/1 labels; deterministic for a seed. */
export function trainBoostedTrees(
  rows: Float32Array,
  labels: ArrayLike<number>,
  featureCount: number,
  params: BoostingParams,
): BoostedTrees {
  const n = labels.length;
  if (rows.length !== n * featureCount) throw new RangeError(`expected ${n * featureCount} values, got ${rows.length}`);
  const bins = binFeatures(rows, featureCount, params.maxBins);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const rate = Math.min(Math.max(positives / n, 1e-6), 1 - 1e-6);
  const baseScore = Math.fround(Math.log(rate / (1 - rate)));
  const margin = new Float64Array(n).fill(baseScore);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const random = seededRandom(params.seed);
  const sampled = Math.max(1, Math.round(n * params.subsample));
  const trees: RegressionTree[] = [];
  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]);
      grad[i] = p - labels[i];
      hess[i] = Math.max(p * (1 - p), 1e-12);
    }
    const tree = growTree(bins, featureCount, sampleIndexes(n, sampled, random), grad, hess, params);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] += treeValue(tree, rows.subarray(i * featureCount, (i + 1) * featureCount));
  }
  return { featureCount, baseScore, trees };
}

/** P(y=1) for each row of a row-major float32 matrix: the trainer's own prediction. */
export function predictProbabilities(model: BoostedTrees, rows: Float32Array): Float64Array {
  const f = model.featureCount;
  return Float64Array.from({ length: rows.length / f }, (_, i) => {
    const row = rows.subarray(i * f, (i + 1) * f);
    let z = model.baseScore;
    for (const tree of model.trees) z += treeValue(tree, row);
    return sigmoid(z);
  });
}
