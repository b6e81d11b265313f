import { buildModel, floatTensor, int64Tensor, node } from '@serverless-ml/onnx/graph';
import type { SvcModel } from './train-svc';

const FLOAT = 1;
const INT64 = 7;

/** Weights of the pairwise decision functions: `nSV × pairs`, from libsvm's sv_coef layout. */
function pairwiseWeights(m: SvcModel): { weights: Float64Array; pairs: [number, number][] } {
  const classes = m.labels.length;
  const nSv = m.supportCounts.reduce((a, b) => a + b, 0);
  const start = m.supportCounts.map((_, i) => m.supportCounts.slice(0, i).reduce((a, b) => a + b, 0));
  const pairs: [number, number][] = [];
  for (let i = 0; i < classes; i++) for (let j = i + 1; j < classes; j++) pairs.push([i, j]);
  const weights = new Float64Array(nSv * pairs.length);
  pairs.forEach(([i, j], p) => {
    // As in libsvm's svm_predict_values: class i's SVs use coef row j−1, class j's use row i.
    for (let k = start[i]; k < start[i] + m.supportCounts[i]; k++)
      weights[k * pairs.length + p] = m.dualCoef[(j - 1) * nSv + k];
    for (let k = start[j]; k < start[j] + m.supportCounts[j]; k++)
      weights[k * pairs.length + p] = m.dualCoef[i * nSv + k];
  });
  return { weights, pairs };
}

/**
 * Exports a libsvm RBF C-SVC as a plain ONNX graph (Gemm, Exp, Greater, ArgMax) rather than
 * `ai.onnx.ml.SVMClassifier`: ORT runs that op's kernel without BLAS, while this graph's
 * kernel matrix is one optimised GEMM. Outputs `label` (int64) and `votes` (one-vs-one votes
 * per class, libsvm's decision rule: most votes, ties to the first class).
 */
export function exportSvcToOnnx(m: SvcModel, metadata: Record<string, string> = {}): Uint8Array {
  const f = m.featureCount;
  const nSv = m.supportCounts.reduce((a, b) => a + b, 0);
  const classes = m.labels.length;
  const { weights, pairs } = pairwiseWeights(m);

  // exp(−γ‖x−s‖²) = exp(2γ x·s − γ‖x‖² − γ‖s‖²): the x·s term for all SVs is one Gemm.
  const svScaled = new Float64Array(f * nSv);
  const svBias = new Float64Array(nSv);
  for (let k = 0; k < nSv; k++) {
    let norm = 0;
    for (let d = 0; d < f; d++) {
      const v = m.supportVectors[k * f + d];
      svScaled[d * nSv + k] = 2 * m.gamma * v;
      norm += v * v;
    }
    svBias[k] = -m.gamma * norm;
  }
  const voteWeights = new Float64Array(pairs.length * classes);
  const voteBase = new Float64Array(classes);
  pairs.forEach(([i, j], p) => {
    // A positive decision votes for i, otherwise for j: votes = pos·(e_i − e_j) + Σ e_j.
    voteWeights[p * classes + i] += 1;
    voteWeights[p * classes + j] -= 1;
    voteBase[j] += 1;
  });

  return buildModel({
    name: 'svc_rbf_ovo',
    docString: `RBF C-SVC (libsvm one-vs-one), ${classes} classes, ${nSv} support vectors`,
    metadata,
    inputs: [{ name: 'input', elemType: FLOAT, shape: ['N', f] }],
    outputs: [
      { name: 'label', elemType: INT64, shape: ['N'] },
      { name: 'votes', elemType: FLOAT, shape: ['N', classes] },
    ],
    initializers: [
      floatTensor('sv_scaled', [f, nSv], svScaled),
      floatTensor('sv_bias', [nSv], svBias),
      floatTensor('neg_gamma', [], [-m.gamma]),
      floatTensor('pair_weights', [nSv, pairs.length], weights),
      floatTensor(
        'neg_rho',
        [pairs.length],
        Array.from(m.rho, (r) => -r),
      ),
      floatTensor('zero', [], [0]),
      floatTensor('vote_weights', [pairs.length, classes], voteWeights),
      floatTensor('vote_base', [classes], voteBase),
      int64Tensor('class_labels', [classes], m.labels),
    ],
    nodes: [
      node('Gemm', ['input', 'sv_scaled', 'sv_bias'], ['cross']),
      node('ReduceSumSquare', ['input'], ['x_norm'], { axes: [1], keepdims: 1 }),
      node('Mul', ['x_norm', 'neg_gamma'], ['x_bias']),
      node('Add', ['cross', 'x_bias'], ['log_kernel']),
      node('Exp', ['log_kernel'], ['kernel']),
      node('Gemm', ['kernel', 'pair_weights', 'neg_rho'], ['decision']),
      node('Greater', ['decision', 'zero'], ['positive']),
      node('Cast', ['positive'], ['positive_f'], { to: FLOAT }),
      node('Gemm', ['positive_f', 'vote_weights', 'vote_base'], ['votes']),
      node('ArgMax', ['votes'], ['label_index'], { axis: 1, keepdims: 0 }),
      node('Gather', ['class_labels', 'label_index'], ['label'], { axis: 0 }),
    ],
  });
}
