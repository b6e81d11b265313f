import { readModelFromHeap } from './libsvm-heap';
import { parseLibsvmModel, type SvcModel } from './libsvm-model';
import { libsvmReady, libsvmWasm } from './load-libsvm';

export type { SvcModel } from './libsvm-model';

export interface SvcHyperParameters {
  gamma: number;
  C: number;
  /** libsvm's stopping tolerance (scikit-learn's `tol`). */
  tol: number;
}

export interface TrainedSvc {
  model: SvcModel;
  serialized: () => string;
  /** libsvm's own predictions, to check the exported model against. */
  predict(rows: number[][]): number[];
  free(): void;
}

/** Trains an RBF C-SVC with libsvm (the solver scikit-learn's `SVC` wraps), compiled to WebAssembly. */
export async function trainSvc(rows: number[][], labels: number[], params: SvcHyperParameters): Promise<TrainedSvc> {
  const SVM = await libsvmReady;
  const svm = new SVM({
    type: SVM.SVM_TYPES.C_SVC,
    kernel: SVM.KERNEL_TYPES.RBF,
    gamma: params.gamma,
    cost: params.C,
    tolerance: params.tol,
    cacheSize: 200, // scikit-learn's default
    shrinking: true,
    quiet: true,
  });
  svm.train(rows, labels);
  const featureCount = rows[0].length;
  const model =
    readModelFromHeap(libsvmWasm, svm.model, featureCount, params.gamma) ??
    parseLibsvmModel(svm.serializeModel(), featureCount);
  return {
    model,
    /** libsvm's text model, for checking the heap reader. */
    serialized: () => svm.serializeModel(),
    predict: (x) => svm.predict(x),
    free: () => svm.free(),
  };
}
