import { buildModel, int64Tensor, node } from '@serverless-ml/onnx/graph';
import { onnx } from 'onnx-proto';
import type { BoostedTrees } from './boosted-trees';

const FLOAT = onnx.TensorProto.DataType.FLOAT;
const ML_DOMAIN = 'ai.onnx.ml';
const ML_OPSET = 3;

interface TreeArrays {
  treeIds: number[];
  nodeIds: number[];
  featureIds: number[];
  values: number[];
  modes: string[];
  trueIds: number[];
  falseIds: number[];
  leafTreeIds: number[];
  leafNodeIds: number[];
  leafWeights: number[];
}

/** The trees as ONNX's parallel node and leaf lists (node ids restart at 0 in each tree). */
function treeArrays(model: BoostedTrees): TreeArrays {
  const a: TreeArrays = {
    treeIds: [],
    nodeIds: [],
    featureIds: [],
    values: [],
    modes: [],
    trueIds: [],
    falseIds: [],
    leafTreeIds: [],
    leafNodeIds: [],
    leafWeights: [],
  };
  model.trees.forEach((tree, t) => {
    for (let n = 0; n < tree.feature.length; n++) {
      const leaf = tree.feature[n] < 0;
      a.treeIds.push(t);
      a.nodeIds.push(n);
      a.featureIds.push(leaf ? 0 : tree.feature[n]);
      a.values.push(tree.threshold[n]);
      a.modes.push(leaf ? 'LEAF' : 'BRANCH_LT');
      a.trueIds.push(leaf ? 0 : tree.left[n]);
      a.falseIds.push(leaf ? 0 : tree.right[n]);
      if (leaf) {
        a.leafTreeIds.push(t);
        a.leafNodeIds.push(n);
        a.leafWeights.push(tree.value[n]);
      }
    }
  });
  return a;
}

/** The ai.onnx.ml node: our graph builder infers INTS from number[], so FLOATS and STRINGS are set here. */
function treeEnsembleNode(model: BoostedTrees, input: string, output: string): onnx.INodeProto {
  const { AttributeType } = onnx.AttributeProto;
  const t = treeArrays(model);
  const ints = (name: string, values: number[]) => ({ name, type: AttributeType.INTS, ints: values });
  const floats = (name: string, values: number[]) => ({ name, type: AttributeType.FLOATS, floats: values });
  const strings = (name: string, values: string[]) => ({
    name,
    type: AttributeType.STRINGS,
    strings: values.map((v) => Buffer.from(v)),
  });
  return {
    opType: 'TreeEnsembleRegressor',
    domain: ML_DOMAIN,
    name: `TreeEnsembleRegressor_${output}`,
    input: [input],
    output: [output],
    attribute: [
      { name: 'aggregate_function', type: AttributeType.STRING, s: Buffer.from('SUM') },
      floats('base_values', [model.baseScore]),
      { name: 'n_targets', type: AttributeType.INT, i: 1 },
      ints('nodes_falsenodeids', t.falseIds),
      ints('nodes_featureids', t.featureIds),
      strings('nodes_modes', t.modes),
      ints('nodes_nodeids', t.nodeIds),
      ints('nodes_treeids', t.treeIds),
      ints('nodes_truenodeids', t.trueIds),
      floats('nodes_values', t.values),
      { name: 'post_transform', type: AttributeType.STRING, s: Buffer.from('NONE') },
      ints('target_ids', new Array(t.leafNodeIds.length).fill(0)),
      ints('target_nodeids', t.leafNodeIds),
      ints('target_treeids', t.leafTreeIds),
      floats('target_weights', t.leafWeights),
    ],
  };
}

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
      treeEnsembleNode(model, 'features', 'margin'),
      node('Sigmoid', ['margin'], ['probability_column']),
      node('Reshape', ['probability_column', 'flat_shape'], ['probability']),
    ],
  });
  // buildModel imports only the default domain; the tree op needs ai.onnx.ml too.
  const proto = onnx.ModelProto.decode(bytes);
  proto.opsetImport.push(onnx.OperatorSetIdProto.create({ domain: ML_DOMAIN, version: ML_OPSET }));
  return onnx.ModelProto.encode(proto).finish();
}
