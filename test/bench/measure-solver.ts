import { libsvmReady } from '../../functions/ml-train/src/digits/load-libsvm';
import type { SvcHyperParameters } from '../../functions/ml-train/src/digits/train-svc';
import { median, round, timeRuns } from './stats';

/**
 * Diagnostic: libsvm-js's `train()` alone, with trainSvc's options (keep them in step), without
 * the `serializeModel()` + text parse that trainSvc does to get the model out. It shows how
 * much of train_ms is the solver and how much is model extraction.
 */
export async function measureSolverOnly(
  rows: number[][],
  labels: number[],
  params: SvcHyperParameters,
  runs: number,
): Promise<{ train_solver_ms: number; train_solver_runs: number }> {
  const SVM = await libsvmReady;
  const options = {
    type: SVM.SVM_TYPES.C_SVC,
    kernel: SVM.KERNEL_TYPES.RBF,
    gamma: params.gamma,
    cost: params.C,
    tolerance: params.tol,
    cacheSize: 200,
    shrinking: true,
    quiet: true,
  };
  const samples = await timeRuns(() => {
    const svm = new SVM(options);
    svm.train(rows, labels);
    svm.free();
  }, runs);
  return { train_solver_ms: round(median(samples), 1), train_solver_runs: runs };
}
