import type { SvcHyperParameters, SvcModel } from '../../functions/ml-train/src/digits/train-svc';
import type { DigitsSplit } from './digits-data';
import { measureSolverOnly } from './measure-solver';
import { median, round, timeRuns } from './stats';

/** ml-train's defaults, the tutorial's `SVC(gamma=0.001)` (C and tol are scikit-learn's defaults). */
export const HYPER_PARAMETERS: SvcHyperParameters = { gamma: 0.001, C: 1, tol: 0.001 };

export interface TrainingFigures {
  train_first_ms: number;
  train_ms: number;
  train_runs: number;
  train_samples_ms: number[];
  train_solver_ms: number;
  train_solver_runs: number;
  support_vectors: number;
}

/**
 * Times trainSvc in this process. The first run imports train-svc (and so libsvm-js) on the
 * clock, because libsvm-js compiles its WASM when it is first required: that is what a cold
 * ml-train container pays. Later runs are warm; the first one also serves as the warm-up.
 */
export async function measureTraining(
  data: DigitsSplit,
  runs: number,
): Promise<{ figures: TrainingFigures; model: SvcModel }> {
  const firstStarted = performance.now();
  const { trainSvc } = await import('../../functions/ml-train/src/digits/train-svc');
  const first = await trainSvc(data.trainRows, data.trainLabels, HYPER_PARAMETERS);
  const firstMs = performance.now() - firstStarted;
  const model = first.model;
  first.free();

  const samples = await timeRuns(async () => {
    const svc = await trainSvc(data.trainRows, data.trainLabels, HYPER_PARAMETERS);
    svc.free();
  }, runs);
  const solver = await measureSolverOnly(data.trainRows, data.trainLabels, HYPER_PARAMETERS, runs);
  return {
    figures: {
      train_first_ms: round(firstMs, 1),
      train_ms: round(median(samples), 1),
      train_runs: runs,
      train_samples_ms: samples.map((s) => round(s, 1)),
      ...solver,
      support_vectors: model.supportCounts.reduce((a, b) => a + b, 0),
    },
    model,
  };
}
