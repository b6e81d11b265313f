import * as z from 'zod/mini';
import { seededRandom } from '../rain/seeded-random';
import type { TrainingSet } from './housing-algorithm';
import { flag, nonNegativeNumber, positiveNumber, wholeNumber } from './hyper-parameter-fields';
import { fitStandardScaler, type StandardScaler, standardize } from './standard-scaler';

/** A multi-layer perceptron (ReLU hidden layers, linear output) trained with Adam on mini-batches. */
export const mlpHyperParametersSchema = z.strictObject({
  hiddenLayers: z._default(z.array(z.int().check(z.gte(1), z.lte(1024))).check(z.minLength(1), z.maxLength(4)), () => [
    32, 32,
  ]),
  /** 32×32 for 80 epochs beat 64×64 for 40 in the same time (validation R² 0.798 vs 0.785). */
  epochs: wholeNumber(80, 1, 10_000),
  batchSize: wholeNumber(64, 1, 65_536),
  learningRate: positiveNumber(0.001),
  /** L2 penalty on the weights (not the biases), as scikit-learn's alpha. */
  l2: nonNegativeNumber(0.0001),
  /**
   * Learn the log of the target (then Exp in the graph). Off: no better here, and exp turns the
   * network's linear extrapolation on an outlying row (population per household 1243) into millions.
   */
  logTarget: flag(false),
});
export type MlpHyperParameters = z.infer<typeof mlpHyperParametersSchema>;

/** One dense layer: weights row-major [inputs × outputs] (ONNX MatMul's layout), float32-rounded once trained. */
export interface DenseLayer {
  inputs: number;
  outputs: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** prediction = unscale(layers(standardize(x))), then exp when logTarget. */
export interface MlpModel {
  scaler: StandardScaler;
  layers: DenseLayer[];
  target: { mean: number; scale: number; log: boolean };
}

const LOG_EVERY = 10;

/** Glorot-uniform weights (scikit-learn's choice for ReLU networks), zero biases, from the seeded generator. */
function initLayer(inputs: number, outputs: number, random: () => number): DenseLayer {
  const bound = Math.sqrt(6 / (inputs + outputs));
  const weights = Float64Array.from({ length: inputs * outputs }, () => (2 * random() - 1) * bound);
  return { inputs, outputs, weights, bias: new Float64Array(outputs) };
}

/** out[B × outputs] = a[B × inputs] · W + b, then ReLU unless it is the output layer. */
function forwardLayer(layer: DenseLayer, a: Float64Array, rows: number, out: Float64Array, relu: boolean) {
  const { inputs: n, outputs: m, weights: w, bias } = layer;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < m; j++) out[i * m + j] = bias[j];
    for (let k = 0; k < n; k++) {
      const x = a[i * n + k];
      if (x === 0) continue;
      for (let j = 0, o = i * m, wk = k * m; j < m; j++) out[o + j] += x * w[wk + j];
    }
    if (relu) for (let j = i * m; j < (i + 1) * m; j++) if (out[j] < 0) out[j] = 0;
  }
}

/** Adam (Kingma & Ba) state for one parameter array. */
class AdamSlot {
  private m: Float64Array;
  private v: Float64Array;
  constructor(size: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(param: Float64Array, grad: Float64Array, rate: number, t: number): void {
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let i = 0; i < param.length; i++) {
      this.m[i] = 0.9 * this.m[i] + 0.1 * grad[i];
      this.v[i] = 0.999 * this.v[i] + 0.001 * grad[i] * grad[i];
      param[i] -= (rate * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + 1e-8);
    }
  }
}

/** Trains the network on standardized features and a standardized target; deterministic for a seed. */
export function trainMlp(data: TrainingSet, p: MlpHyperParameters, seed: number, log: (m: string) => void): MlpModel {
  const f = data.featureCount;
  const scaler = fitStandardScaler(data.features, f);
  const x = standardize(scaler, data.features);
  const raw = Float64Array.from(data.target, (v) => (p.logTarget ? Math.log(v) : v));
  const targetScaler = fitStandardScaler(raw, 1);
  const y = standardize(targetScaler, raw);
  const random = seededRandom(seed);
  const sizes = [f, ...p.hiddenLayers, 1];
  const layers = sizes.slice(1).map((out, l) => initLayer(sizes[l], out, random));
  log(
    `mlp: ${sizes.join('→')} (${layers.reduce((s, l) => s + l.weights.length + l.outputs, 0)} parameters), ${p.epochs} epochs`,
  );
  const trainer = new MlpTrainer(layers, p);
  const order = Uint32Array.from({ length: data.count }, (_, i) => i);
  for (let epoch = 1; epoch <= p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let squares = 0;
    for (let start = 0; start < order.length; start += p.batchSize)
      squares += trainer.step(x, y, order.subarray(start, start + p.batchSize), f);
    if (epoch % LOG_EVERY === 0 || epoch === p.epochs)
      log(`mlp epoch ${epoch}/${p.epochs}: train MSE ${(squares / data.count).toFixed(4)} (standardized target)`);
  }
  for (const layer of layers) {
    layer.weights = layer.weights.map(Math.fround);
    layer.bias = layer.bias.map(Math.fround);
  }
  return { scaler, layers, target: { mean: targetScaler.mean[0], scale: targetScaler.scale[0], log: p.logTarget } };
}

/** Forward and backward passes over one mini-batch, with the buffers they reuse. */
class MlpTrainer {
  private readonly acts: Float64Array[];
  private readonly deltas: Float64Array[];
  private readonly gradW: Float64Array[];
  private readonly gradB: Float64Array[];
  private readonly adamW: AdamSlot[];
  private readonly adamB: AdamSlot[];
  private t = 0;

  constructor(
    private readonly layers: DenseLayer[],
    private readonly p: MlpHyperParameters,
  ) {
    const width = (l: number) => (l === 0 ? layers[0].inputs : layers[l - 1].outputs);
    this.acts = Array.from({ length: layers.length + 1 }, (_, l) => new Float64Array(p.batchSize * width(l)));
    this.deltas = layers.map((l) => new Float64Array(p.batchSize * l.outputs));
    this.gradW = layers.map((l) => new Float64Array(l.weights.length));
    this.gradB = layers.map((l) => new Float64Array(l.outputs));
    this.adamW = layers.map((l) => new AdamSlot(l.weights.length));
    this.adamB = layers.map((l) => new AdamSlot(l.outputs));
  }

  /** One Adam step on the rows `batch` of x; returns the batch's sum of squared errors before the step. */
  step(x: Float64Array, y: Float64Array, batch: Uint32Array, f: number): number {
    const { layers, acts, deltas } = this;
    const rows = batch.length;
    batch.forEach((r, i) => {
      acts[0].set(x.subarray(r * f, (r + 1) * f), i * f);
    });
    layers.forEach((layer, l) => {
      forwardLayer(layer, acts[l], rows, acts[l + 1], l < layers.length - 1);
    });
    const last = layers.length - 1;
    let squares = 0;
    for (let i = 0; i < rows; i++) {
      const error = acts[last + 1][i] - y[batch[i]];
      squares += error * error;
      deltas[last][i] = error / rows;
    }
    this.t++;
    for (let l = last; l >= 0; l--) this.backward(l, rows);
    return squares;
  }

  /** Gradients of layer l from its output deltas; the previous layer's deltas (through ReLU); Adam. */
  private backward(l: number, rows: number): void {
    const layer = this.layers[l];
    const { inputs: n, outputs: m, weights: w } = layer;
    const a = this.acts[l];
    const d = this.deltas[l];
    const gw = this.gradW[l];
    const gb = this.gradB[l];
    for (let k = 0; k < gw.length; k++) gw[k] = this.p.l2 * w[k];
    gb.fill(0);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < m; j++) gb[j] += d[i * m + j];
      for (let k = 0; k < n; k++) {
        const x = a[i * n + k];
        if (x === 0) continue;
        for (let j = 0, o = i * m, wk = k * m; j < m; j++) gw[wk + j] += x * d[o + j];
      }
    }
    if (l > 0) {
      const below = this.deltas[l - 1];
      for (let i = 0; i < rows; i++)
        for (let k = 0; k < n; k++) {
          if (a[i * n + k] === 0) {
            below[i * n + k] = 0;
            continue;
          }
          let sum = 0;
          for (let j = 0, o = i * m, wk = k * m; j < m; j++) sum += d[o + j] * w[wk + j];
          below[i * n + k] = sum;
        }
    }
    this.adamW[l].step(w, gw, this.p.learningRate, this.t);
    this.adamB[l].step(layer.bias, gb, this.p.learningRate, this.t);
  }
}

/** The trainer's own predictions, in USD. */
export function predictMlp(model: MlpModel, features: Float32Array): Float64Array {
  const f = model.scaler.mean.length;
  const rows = features.length / f;
  let a = standardize(model.scaler, features);
  model.layers.forEach((layer, l) => {
    const out = new Float64Array(rows * layer.outputs);
    forwardLayer(layer, a, rows, out, l < model.layers.length - 1);
    a = out;
  });
  const { mean, scale, log } = model.target;
  return a.map((v) => (log ? Math.exp(v * scale + mean) : v * scale + mean));
}
