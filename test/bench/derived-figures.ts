import { type BenchResults, markUnmeasured } from './bench-results';
import { HOUSING_ALGORITHMS } from './sklearn-figures';
import { round } from './stats';

/** The best test-set R² among the housing algorithms measured in this run, and which one. */
function bestHousingR2(results: BenchResults): void {
  const measured = HOUSING_ALGORITHMS.flatMap((algorithm) => {
    const figures = results.housing[algorithm];
    if (figures === undefined) return [];
    const r2 = figures !== null && typeof figures === 'object' && !Array.isArray(figures) ? figures.r2 : null;
    return [{ algorithm, r2: typeof r2 === 'number' ? r2 : null }];
  });
  // No housing phase in this run: the row says "not measured".
  if (measured.length === 0) return;
  const best = measured.reduce((a, b) => ((b.r2 ?? -Infinity) > (a.r2 ?? -Infinity) ? b : a));
  if (best.r2 === null) {
    markUnmeasured(results, ['housing.best_r2'], 'no housing algorithm was measured');
    return;
  }
  results.housing.best_r2 = best.r2;
  results.housing.best_r2_algorithm = best.algorithm;
}

/** Our SVC's warm training time over scikit-learn's SVC fit, both measured in this run. */
function digitsTrainingRatio(results: BenchResults): void {
  const ours = results.digits.train_ms;
  const s = results.sklearn;
  if (typeof ours !== 'number' || !s || 'skipped' in s) return;
  results.digits.train_vs_sklearn = round(ours / s.digits.fit_ms, 3);
}

/** Figures computed from others once every phase has run: `housing.best_r2`, `digits.train_vs_sklearn`. */
export function deriveFigures(results: BenchResults): void {
  bestHousingR2(results);
  digitsTrainingRatio(results);
}
