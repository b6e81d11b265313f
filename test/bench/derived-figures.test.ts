import { newResults } from './bench-results';
import { deriveFigures } from './derived-figures';
import type { SklearnFigures } from './sklearn-figures';

describe('deriveFigures', () => {
  it('takes the best housing R² among the algorithms measured, naming it', () => {
    const results = newResults();
    results.housing.linear = { r2: 0.6527 };
    results.housing.gbm = { r2: 0.839 };
    results.housing.forest = null;

    deriveFigures(results);

    expect(results.housing.best_r2).toBe(0.839);
    expect(results.housing.best_r2_algorithm).toBe('gbm');
  });

  it('marks the best R² unmeasured when every algorithm failed', () => {
    const results = newResults();
    results.housing.gbm = null;

    deriveFigures(results);

    expect(results.housing.best_r2).toBeNull();
    expect(results.unmeasured['housing.best_r2']).toBe('no housing algorithm was measured');
  });

  it('writes no housing figure when the housing phase did not run', () => {
    const results = newResults();

    deriveFigures(results);

    expect(results.housing).toEqual({});
  });

  it("divides our SVC's training time by scikit-learn's fit in the same run", () => {
    const results = newResults();
    results.digits.train_ms = 11;
    results.sklearn = { digits: { fit_ms: 29.6 } } as SklearnFigures;

    deriveFigures(results);

    expect(results.digits.train_vs_sklearn).toBe(0.372);
  });
});
