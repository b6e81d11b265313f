import { newResults } from './bench-results';
import { ms, versusSklearn } from './report-row';
import type { SklearnFigures } from './sklearn-figures';

/** Results whose scikit-learn figures hold only what these tests read. */
function withSklearn(figures: { digits?: object; rain?: object | null }) {
  const results = newResults();
  results.sklearn = figures as SklearnFigures;
  return results;
}

describe('versusSklearn', () => {
  const trainTime = versusSklearn({ sklearn: (s) => s.digits.fit_ms }, ms);

  it('shows the measured reference and ours ÷ theirs', () => {
    expect(trainTime(withSklearn({ digits: { fit_ms: 29.6 } }), 11)).toBe('sklearn 29.6 ms → ours ×0.37');
  });

  it('shows the reference alone when ours is unmeasured', () => {
    expect(trainTime(withSklearn({ digits: { fit_ms: 29.6 } }), null)).toBe('sklearn 29.6 ms');
  });

  it('shows — when scikit-learn was skipped or not run', () => {
    const skipped = newResults();
    skipped.sklearn = { skipped: 'python3-sklearn is not installed' };

    expect(trainTime(skipped, 11)).toBe('—');
    expect(trainTime(newResults(), 11)).toBe('—');
  });

  it('compares a score with the best of several models by difference', () => {
    const auc = versusSklearn(
      { 'sklearn LogReg': (s) => s.rain?.models.logreg.auc, RF: (s) => s.rain?.models.forest.auc },
      (v) => v.toFixed(4),
      'difference',
    );
    const results = withSklearn({ rain: { models: { logreg: { auc: 0.73 }, forest: { auc: 0.75 } } } });

    expect(auc(results, 0.74)).toBe('sklearn LogReg 0.7300, RF 0.7500 → ours −0.0100 vs RF');
    expect(auc(results, 0.75000001)).toBe('sklearn LogReg 0.7300, RF 0.7500 → ours ±0.0000 vs RF');
  });

  it('shows — when the figure is absent (no rain matrices)', () => {
    const auc = versusSklearn({ sklearn: (s) => s.rain?.models.gbm.auc }, String, 'difference');

    expect(auc(withSklearn({ rain: null }), 0.74)).toBe('—');
  });
});
