import { dec4, ms, type Row, us, versusSklearn } from './report-row';
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

const NAMES: Record<HousingAlgorithm, string> = {
  linear: 'linear regression',
  forest: 'random forest (100 trees)',
  gbm: 'gradient boosting',
  mlp: 'MLP (64, 64)',
};

/** Our figure at `housing.<algorithm>.<key>` against scikit-learn's same algorithm. */
function housingRows(algorithm: HousingAlgorithm): Row[] {
  const theirs = (key: keyof Omit<SklearnRegressor, 'estimator' | 'converged'>) => ({
    sklearn: (s: SklearnFigures) => s.housing.models[algorithm][key],
  });
  const label = `housing ${NAMES[algorithm]}`;
  const row = (key: string, what: string, show: (v: number) => string, reference: Row['reference']): Row => ({
    path: ['housing', algorithm, key],
    label: `${label}: ${what}`,
    show,
    reference,
  });
  return [
    row('r2', 'R² (4128 test rows)', dec4, versusSklearn(theirs('r2'), dec4, 'difference')),
    row('rmse', 'RMSE', usd, versusSklearn(theirs('rmse'), usd)),
    row('train_ms', 'train (16512 rows)', duration, versusSklearn(theirs('fit_ms'), duration)),
    row('predict4128_ms', 'predict 4128 rows, one batch', ms, versusSklearn(theirs('predict4128_ms'), ms)),
    row('single_p50_us', 'predict 1 row, p50', latency, versusSklearn(theirs('single_p50_us'), latency)),
  ];
}

/** California housing regression: ours (`housing.<algorithm>`) against scikit-learn's, same split. */
export const HOUSING_ROWS: Row[] = [
  {
    path: ['housing', 'mean_baseline_rmse'],
    label: 'housing baseline: predict the training mean, RMSE',
    show: usd,
    reference: versusSklearn({ python: (s) => s.housing.mean_baseline_rmse }, usd),
  },
  ...HOUSING_ALGORITHMS.flatMap(housingRows),
];
