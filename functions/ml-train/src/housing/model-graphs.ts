import { floatTensor, node } from '@serverless-ml/onnx/graph';
import { treeEnsembleRegressorNode } from '@serverless-ml/onnx/trees';
import type { onnx } from 'onnx-proto';
import type { MlpModel } from './mlp-regressor';
import type { RidgeModel } from './ridge-regression';
import { standardScalerGraph } from './standard-scaler';
import type { TreeEnsemble } from './tree-ensemble';

/** Nodes and constants of part of a graph. */
export interface GraphPart {
  nodes: onnx.INodeProto[];
  initializers: onnx.ITensorProto[];
}

/** Each model's head reads `features` [N, F] and writes `variable` [N, 1]. */
const INPUT = 'features';
const OUTPUT = 'variable';

/** Ridge: standardize, MatMul by the weights, add the intercept. */
export function ridgeGraph(model: RidgeModel): GraphPart {
  const scaling = standardScalerGraph(model.scaler, INPUT, 'scaled');
  return {
    initializers: [
      ...scaling.initializers,
      floatTensor('linear_weights', [model.weights.length, 1], model.weights),
      floatTensor('linear_intercept', [1], [model.intercept]),
    ],
    nodes: [
      ...scaling.nodes,
      node('MatMul', ['scaled', 'linear_weights'], ['linear_sum']),
      node('Add', ['linear_sum', 'linear_intercept'], [OUTPUT]),
    ],
  };
}

/** Trees: TreeEnsembleRegressor, then Exp when they learned log(target). */
export function treeEnsembleGraph(model: TreeEnsemble): GraphPart {
  if (!model.logTarget) return { initializers: [], nodes: [treeEnsembleRegressorNode(model, INPUT, OUTPUT)] };
  return {
    initializers: [],
    nodes: [treeEnsembleRegressorNode(model, INPUT, 'log_variable'), node('Exp', ['log_variable'], [OUTPUT])],
  };
}

/** MLP: standardize, (MatMul, Add, Relu) per hidden layer, MatMul, Add, unscale the target, Exp when log. */
export function mlpGraph(model: MlpModel): GraphPart {
  const scaling = standardScalerGraph(model.scaler, INPUT, 'scaled');
  const part: GraphPart = { nodes: [...scaling.nodes], initializers: [...scaling.initializers] };
  let input = 'scaled';
  model.layers.forEach((layer, l) => {
    const last = l === model.layers.length - 1;
    part.initializers.push(
      floatTensor(`dense${l}_weights`, [layer.inputs, layer.outputs], layer.weights),
      floatTensor(`dense${l}_bias`, [layer.outputs], layer.bias),
    );
    part.nodes.push(
      node('MatMul', [input, `dense${l}_weights`], [`dense${l}_product`]),
      node('Add', [`dense${l}_product`, `dense${l}_bias`], [last ? 'scaled_target' : `dense${l}_sum`]),
    );
    if (!last) part.nodes.push(node('Relu', [`dense${l}_sum`], [`dense${l}_relu`]));
    input = `dense${l}_relu`;
  });
  const { mean, scale, log } = model.target;
  part.initializers.push(floatTensor('target_scale', [1], [scale]), floatTensor('target_mean', [1], [mean]));
  part.nodes.push(
    node('Mul', ['scaled_target', 'target_scale'], ['target_centred']),
    node('Add', ['target_centred', 'target_mean'], [log ? 'log_variable' : OUTPUT]),
  );
  if (log) part.nodes.push(node('Exp', ['log_variable'], [OUTPUT]));
  return part;
}
