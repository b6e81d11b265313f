import { floatTensor, node } from '@serverless-ml/onnx/graph';
import type { onnx } from 'onnx-proto';

/** Per-feature centre and scale, float32-rounded so that the trainer uses the graph's constants. */
export interface StandardScaler {
  mean: Float64Array;
  scale: Float64Array;
}

/** Mean and standard deviation of each column (scale 1 for a constant column). */
export function fitStandardScaler(features: ArrayLike<number>, featureCount: number): StandardScaler {
  const count = features.length / featureCount;
  const mean = new Float64Array(featureCount);
  const squares = new Float64Array(featureCount);
  for (let r = 0, i = 0; r < count; r++) for (let f = 0; f < featureCount; f++, i++) mean[f] += features[i] / count;
  for (let r = 0, i = 0; r < count; r++)
    for (let f = 0; f < featureCount; f++, i++) squares[f] += (features[i] - mean[f]) ** 2;
  return {
    mean: mean.map(Math.fround),
    scale: squares.map((s) => Math.fround(Math.sqrt(s / count) || 1)),
  };
}

/** (x − mean) / scale for every row, in float64. */
export function standardize(scaler: StandardScaler, features: ArrayLike<number>): Float64Array {
  const f = scaler.mean.length;
  const out = new Float64Array(features.length);
  for (let i = 0; i < features.length; i += f)
    for (let c = 0; c < f; c++) out[i + c] = (features[i + c] - scaler.mean[c]) / scaler.scale[c];
  return out;
}

/** The same in the graph: `input` [N, F] → Sub → Div → `output`. */
export function standardScalerGraph(scaler: StandardScaler, input: string, output: string) {
  const f = scaler.mean.length;
  const initializers: onnx.ITensorProto[] = [
    floatTensor(`${output}_mean`, [1, f], scaler.mean),
    floatTensor(`${output}_scale`, [1, f], scaler.scale),
  ];
  const nodes = [
    node('Sub', [input, `${output}_mean`], [`${output}_centred`]),
    node('Div', [`${output}_centred`, `${output}_scale`], [output]),
  ];
  return { nodes, initializers };
}
