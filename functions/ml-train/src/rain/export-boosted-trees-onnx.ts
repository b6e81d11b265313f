import { buildModel, int64Tensor, node } from '@serverless-ml/onnx/graph';
import { treeEnsembleRegressorNode, withMlOpset } from '@serverless-ml/onnx/trees';
import { onnx } from 'onnx-proto';
import type { BoostedTrees } from './boosted-trees';

const FLOAT = onnx.TensorProto.DataType.FLOAT;

/**
 * Exports boosted trees as ONNX: `features` float32 [N, F] → TreeEnsembleRegressor (the margin,
 * summed over trees plus the base score) → Sigmoid → `probability` float32 [N]. A regressor, not
 * TreeEnsembleClassifier, so there is no label output to disagree with the probabilities (ORT 1.30).
 * The bytes depend only on the model and `metadata`: same model, same file.
 */
export function exportBoostedTreesToOnnx(model: BoostedTrees, metadata: Record<string, string> = {}): Uint8Array {
  const bytes = buildModel({
    name: 'rain_tomorrow_boosted_trees',
    docString: `gradient-boosted trees, ${model.trees.length} trees, P(precipitation tomorrow > 0)`,
    metadata,
    inputs: [{ name: 'features', elemType: FLOAT, shape: ['N', model.featureCount] }],
    outputs: [{ name: 'probability', elemType: FLOAT, shape: ['N'] }],
    initializers: [int64Tensor('flat_shape', [1], [-1])],
    nodes: [
      treeEnsembleRegressorNode(
        { trees: model.trees, baseValue: model.baseScore, aggregate: 'SUM' },
        'features',
        'margin',
      ),
      node('Sigmoid', ['margin'], ['probability_column']),
      node('Reshape', ['probability_column', 'flat_shape'], ['probability']),
    ],
  });
  return withMlOpset(bytes);
}
