import type { BenchResults } from './bench-results';
import { dec4, ms, type Row, sklearnBound, type Target, us, versusSklearn } from './report-row';
import {
  HOUSING_ALGORITHMS,
  type HousingAlgorithm,
  type SklearnFigures,
  type SklearnRegressor,
} from './sklearn-figures';

const usd = (v: number) => `${Math.round(v)} USD`;
const duration = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : ms(v));
// A forest answers one row in milliseconds, a linear model in microseconds.
const latency = (v: number) => (v >= 1000 ? ms(v / 1000) : us(v));
// From a linear model's 2 kB to a forest's megabytes (MB = 10^6 bytes, as elsewhere).
const size = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${(v / 1e3).toFixed(1)} kB`);

const NAMES: Record<HousingAlgorithm, string> = {
  linear: 'linear regression',
  forest: 'random forest (100 trees)',
  gbm: 'gradient boosting',
  mlp: 'MLP (ours 32-32, sklearn 64-64)',
};
/** scikit-learn's estimator of the same kind, as the targets name it. */
const SKLEARN_NAMES: Record<HousingAlgorithm, string> = {
  linear: 'LinearRegression',
  forest: 'RF',
  gbm: 'HGB',
  mlp: 'MLP',
};

/** Another figure of the same algorithm, e.g. the number of fits behind `train_ms`. */
function sibling(results: BenchResults, algorithm: HousingAlgorithm, key: string): number | undefined {
  const figures = results.housing[algorithm];
  const value = figures !== null && typeof figures === 'object' && !Array.isArray(figures) ? figures[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** Our figure at `housing.<algorithm>.<key>` against scikit-learn's same algorithm. */
function housingRows(algorithm: HousingAlgorithm): Row[] {
  const pick = (key: keyof Omit<SklearnRegressor, 'estimator' | 'converged'>) => (s: SklearnFigures) =>
    s.housing.models[algorithm][key];
  const theirs = (key: keyof Omit<SklearnRegressor, 'estimator' | 'converged'>) => ({ sklearn: pick(key) });
  const label = `housing ${NAMES[algorithm]}`;
  const row = (key: string, what: string, show: Row['show'], reference: Row['reference'], target?: Target): Row => ({
    path: ['housing', algorithm, key],
    label: `${label}: ${what}`,
    show,
    reference,
    ...(target ? { target } : {}),
  });
  const trainShow = (v: number, r: BenchResults) => {
    const first = sibling(r, algorithm, 'train_first_ms');
    const runs = sibling(r, algorithm, 'train_runs') ?? 1;
    return runs > 1 && first !== undefined ? `${duration(v)} (first ${duration(first)})` : duration(v);
  };
  // The target: our boosting trains at least as fast as HistGradientBoosting, same run.
  const trainTarget: Target | undefined =
    algorithm === 'gbm' ? { max: sklearnBound(pick('fit_ms')), text: '≤ sklearn HGB fit' } : undefined;
  const predictTarget: Target = {
    below: sklearnBound(pick('predict4128_ms')),
    text: `< sklearn ${SKLEARN_NAMES[algorithm]}`,
  };
  return [
    row('r2', 'R² (4128 test rows)', dec4, versusSklearn(theirs('r2'), dec4, 'difference')),
    row('rmse', 'RMSE', usd, versusSklearn(theirs('rmse'), usd)),
    row('mae', 'MAE', usd, versusSklearn(theirs('mae'), usd)),
    row(
      'train_ms',
      'train (16512 rows, fresh child; median of as many fits as sklearn)',
      trainShow,
      versusSklearn(theirs('fit_ms'), duration),
      trainTarget,
    ),
    row(
      'predict4128_ms',
      'predict 4128 rows, one batch (best)',
      ms,
      versusSklearn(theirs('predict4128_ms'), ms),
      predictTarget,
    ),
    row('single_p50_us', 'session.run, 1 row, p50', latency, versusSklearn(theirs('single_p50_us'), latency)),
    row('onnx_bytes', 'ONNX model', size, '—'),
  ];
}

const allModels = (key: 'r2') =>
  Object.fromEntries(
    HOUSING_ALGORITHMS.map((a) => [`sklearn ${SKLEARN_NAMES[a]}`, (s: SklearnFigures) => s.housing.models[a][key]]),
  );

/** California housing regression: ours (`housing.<algorithm>`) against scikit-learn's, same split. */
export const HOUSING_ROWS: Row[] = [
  {
    path: ['housing', 'mean_baseline_rmse'],
    label: 'housing baseline: predict the training mean, RMSE',
    show: usd,
    reference: versusSklearn({ python: (s) => s.housing.mean_baseline_rmse }, usd),
  },
  {
    path: ['housing', 'best_r2'],
    label: 'housing best R² of our four algorithms',
    show: (v, r) => `${dec4(v)} (${r.housing.best_r2_algorithm})`,
    target: { min: 0.83, text: '≥ 0.83' },
    reference: versusSklearn(allModels('r2'), dec4, 'difference'),
  },
  ...HOUSING_ALGORITHMS.flatMap(housingRows),
];

/** The invocations endpoint serving the gbm housing model (invocations-phase.ts). */
export const INVOCATIONS_ROWS: Row[] = [
  {
    path: ['housing', 'stack_train_r2'],
    label: 'housing gbm trained by ml-train on the stack: R²',
    show: dec4,
    reference: '—',
  },
  {
    path: ['housing', 'cold_start_ms'],
    label: 'invocations cold start: spawn → 1st housing answer',
    show: ms,
    target: { max: 250, text: '≤ 250 ms' },
    reference: '—',
  },
  { path: ['housing', 'cold_start_in_child_ms'], label: 'invocations cold start: in child', show: ms, reference: '—' },
  {
    path: ['housing', 'cold_start_handler_loaded_ms'],
    label: 'invocations cold start: handler required (in child)',
    show: ms,
    reference: '—',
  },
  { path: ['housing', 'node_boot_ms'], label: 'empty node, interleaved with invocations', show: ms, reference: '—' },
  {
    path: ['housing', 'handler_single_p50_us'],
    label: 'invocations handler warm, 1 CSV row → housing, p50',
    show: us,
    target: { max: 30, text: '≤ 30 µs' },
    reference: versusSklearn({ 'sklearn HGB predict 1 row': (s) => s.housing.models.gbm.single_p50_us }, us),
  },
  {
    path: ['housing', 'handler_single_p99_us'],
    label: 'invocations handler warm, 1 CSV row → housing, p99',
    show: us,
    reference: '—',
  },
];
