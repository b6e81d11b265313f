/** A trained RBF C-SVC in libsvm's one-vs-one form, everything needed to export it. */
export interface SvcModel {
  gamma: number;
  /** Class labels in libsvm's order (order of first appearance in the training data). */
  labels: number[];
  /** Support vectors per class, in label order. */
  supportCounts: number[];
  /** Support vectors, row-major `nSV × features`. */
  supportVectors: Float64Array;
  featureCount: number;
  /** Dual coefficients, `(classes − 1) × nSV`, libsvm's `sv_coef`. */
  dualCoef: Float64Array;
  /** Intercepts of the `classes·(classes − 1)/2` pairwise classifiers. */
  rho: Float64Array;
}

/**
 * Parses libsvm's text model (`svm_save_model`). Support vectors come back sparse
 * (`index:value`, 1-based, zeros may be omitted).
 */
export function parseLibsvmModel(text: string, featureCount: number): SvcModel {
  const [head, body = ''] = text.split(/^SV\s*$/m);
  const field = (name: string) => {
    const line = head.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`libsvm model has no "${name}" line`);
    return line
      .slice(name.length + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
  };
  if (!/kernel_type rbf/.test(head)) throw new Error('only RBF-kernel libsvm models can be exported');
  const classes = field('nr_class')[0];
  const totalSv = field('total_sv')[0];
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== totalSv)
    throw new Error(`libsvm model lists ${lines.length} support vectors, header says ${totalSv}`);
  const supportVectors = new Float64Array(totalSv * featureCount);
  const dualCoef = new Float64Array((classes - 1) * totalSv);
  lines.forEach((line, k) => {
    const parts = line.trim().split(/\s+/);
    for (let c = 0; c < classes - 1; c++) dualCoef[c * totalSv + k] = Number(parts[c]);
    for (const pair of parts.slice(classes - 1)) {
      const [index, value] = pair.split(':');
      supportVectors[k * featureCount + Number(index) - 1] = Number(value);
    }
  });
  return {
    gamma: field('gamma')[0],
    labels: field('label'),
    supportCounts: field('nr_sv'),
    supportVectors,
    featureCount,
    dualCoef,
    rho: Float64Array.from(field('rho')),
  };
}
