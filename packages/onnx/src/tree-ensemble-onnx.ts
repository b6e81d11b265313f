import { onnx } from 'onnx-proto';
import { node } from './onnx-graph';

/** One tree in a flat layout: node i splits on `feature[i]` (−1: a leaf holding `value[i]`). */
export interface FlatTree {
  feature: ArrayLike<number>;
  threshold: ArrayLike<number>;
  left: ArrayLike<number>;
  right: ArrayLike<number>;
  value: ArrayLike<number>;
}

/** Trees as ONNX TreeEnsembleRegressor sums (boosting) or averages (a forest) them. */
export interface FlatEnsemble {
  trees: FlatTree[];
  /** float32, added to the aggregated tree values. */
  baseValue: number;
  aggregate: 'SUM' | 'AVERAGE';
}

export const ML_DOMAIN = 'ai.onnx.ml';
const ML_OPSET = 3;

const { AttributeType } = onnx.AttributeProto;
const ints = (name: string, values: number[]) => ({ name, type: AttributeType.INTS, ints: values });
const floats = (name: string, values: number[]) => ({ name, type: AttributeType.FLOATS, floats: values });
const text = (name: string, value: string) => ({ name, type: AttributeType.STRING, s: Buffer.from(value) });

/**
 * An ai.onnx.ml TreeEnsembleRegressor `[N, F] → [N, 1]` (node ids restart at 0 in each tree,
 * BRANCH_LT on float32 thresholds: the branches the trainer took), for rain's boosted trees and
 * housing's gbm and forest alike. Our graph builder infers INTS from number[], so FLOATS and
 * STRINGS are set here.
 */
export function treeEnsembleRegressorNode(model: FlatEnsemble, input: string, output: string): onnx.INodeProto {
  const n = {
    treeIds: [] as number[],
    nodeIds: [] as number[],
    featureIds: [] as number[],
    values: [] as number[],
    modes: [] as Buffer[],
    trueIds: [] as number[],
    falseIds: [] as number[],
  };
  const leaf = { treeIds: [] as number[], nodeIds: [] as number[], weights: [] as number[] };
  const LEAF = Buffer.from('LEAF');
  const BRANCH_LT = Buffer.from('BRANCH_LT');
  model.trees.forEach((tree, t) => {
    for (let i = 0; i < tree.feature.length; i++) {
      const isLeaf = tree.feature[i] < 0;
      n.treeIds.push(t);
      n.nodeIds.push(i);
      n.featureIds.push(isLeaf ? 0 : tree.feature[i]);
      n.values.push(tree.threshold[i]);
      n.modes.push(isLeaf ? LEAF : BRANCH_LT);
      n.trueIds.push(isLeaf ? 0 : tree.left[i]);
      n.falseIds.push(isLeaf ? 0 : tree.right[i]);
      if (isLeaf) {
        leaf.treeIds.push(t);
        leaf.nodeIds.push(i);
        leaf.weights.push(tree.value[i]);
      }
    }
  });
  const ensemble = node('TreeEnsembleRegressor', [input], [output], {}, ML_DOMAIN);
  ensemble.attribute = [
    text('aggregate_function', model.aggregate),
    floats('base_values', [model.baseValue]),
    { name: 'n_targets', type: AttributeType.INT, i: 1 },
    ints('nodes_falsenodeids', n.falseIds),
    ints('nodes_featureids', n.featureIds),
    { name: 'nodes_modes', type: AttributeType.STRINGS, strings: n.modes },
    ints('nodes_nodeids', n.nodeIds),
    ints('nodes_treeids', n.treeIds),
    ints('nodes_truenodeids', n.trueIds),
    floats('nodes_values', n.values),
    text('post_transform', 'NONE'),
    ints('target_ids', new Array(leaf.nodeIds.length).fill(0)),
    ints('target_nodeids', leaf.nodeIds),
    ints('target_treeids', leaf.treeIds),
    floats('target_weights', leaf.weights),
  ];
  return ensemble;
}

/** buildModel imports only the default domain: adds ai.onnx.ml for the tree, one-hot and imputer ops. */
export function withMlOpset(bytes: Uint8Array): Uint8Array {
  const proto = onnx.ModelProto.decode(bytes);
  proto.opsetImport.push(onnx.OperatorSetIdProto.create({ domain: ML_DOMAIN, version: ML_OPSET }));
  return onnx.ModelProto.encode(proto).finish();
}
