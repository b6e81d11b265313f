import { type RegressionTree, treeValue } from '../rain/regression-tree';

/** Trees as ONNX TreeEnsembleRegressor sums or averages them, optionally of the log of the target. */
export interface TreeEnsemble {
  trees: RegressionTree[];
  /** float32, added to the aggregated tree values (the boosting start; 0 in a forest). */
  baseValue: number;
  aggregate: 'SUM' | 'AVERAGE';
  /** The trees predict log(target): the answer is exp(score). */
  logTarget: boolean;
}

/** The ensemble's score (before exp) for every row of a float32 `[rows × featureCount]` matrix. */
export function ensembleScores(model: TreeEnsemble, features: Float32Array, featureCount: number): Float64Array {
  const count = features.length / featureCount;
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const row = features.subarray(i * featureCount, (i + 1) * featureCount);
    let sum = 0;
    for (const tree of model.trees) sum += treeValue(tree, row);
    scores[i] = (model.aggregate === 'AVERAGE' ? sum / model.trees.length : sum) + model.baseValue;
  }
  return scores;
}

/** The trainer's own predictions (in target units), to compare with ONNX Runtime's. */
export function predictEnsemble(model: TreeEnsemble, features: Float32Array, featureCount: number): Float64Array {
  const scores = ensembleScores(model, features, featureCount);
  return model.logTarget ? scores.map(Math.exp) : scores;
}
