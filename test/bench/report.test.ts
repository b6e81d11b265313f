import { newResults } from './bench-results';
import { checkTargets, formatTable, meets } from './report';
import { sklearnBound, type Target } from './report-row';
import type { SklearnFigures } from './sklearn-figures';

/** Results whose scikit-learn figures hold only the housing fit and predict times (the same for every model). */
function withHgb(fitMs: number, predictMs: number) {
  const results = newResults();
  const model = { fit_ms: fitMs, predict4128_ms: predictMs };
  const models = { linear: model, forest: model, gbm: model, mlp: model };
  results.sklearn = { housing: { models } } as unknown as SklearnFigures;
  return results;
}

describe('meets', () => {
  const fasterThanHgb: Target = {
    below: sklearnBound((s) => s.housing.models.gbm.predict4128_ms),
    text: '< sklearn HGB',
  };

  it('compares with a bound computed from the same run', () => {
    expect(meets(9.9, fasterThanHgb, withHgb(1000, 10))).toBe(true);
    expect(meets(10, fasterThanHgb, withHgb(1000, 10))).toBe(false);
  });

  it('leaves the target unchecked when the computed bound is unmeasured', () => {
    const skipped = newResults();
    skipped.sklearn = { skipped: 'python3-sklearn is not installed' };

    expect(meets(1, fasterThanHgb, skipped)).toBeNull();
    expect(meets(1, fasterThanHgb, newResults())).toBeNull();
  });

  it('checks fixed bounds as before', () => {
    expect(meets(250, { max: 250, text: '≤ 250 ms' }, newResults())).toBe(true);
    expect(meets(0.82, { min: 0.83, text: '≥ 0.83' }, newResults())).toBe(false);
    expect(meets(null, { max: 250, text: '≤ 250 ms' }, newResults())).toBeNull();
  });
});

describe('checkTargets', () => {
  it("records the gbm training target against scikit-learn's HGB fit in the same run, with the bound", () => {
    const results = withHgb(1200, 10);
    results.housing.gbm = { train_ms: 900, predict4128_ms: 12 };

    checkTargets(results);

    expect(results.targets['housing.gbm.train_ms']).toEqual({ target: '≤ sklearn HGB fit', met: true, bound: 1200 });
    expect(results.targets['housing.gbm.predict4128_ms']).toEqual({ target: '< sklearn HGB', met: false, bound: 10 });
  });

  it('records a fixed target without a bound', () => {
    const results = newResults();
    results.housing.cold_start_ms = 300;

    checkTargets(results);

    expect(results.targets['housing.cold_start_ms']).toEqual({ target: '≤ 250 ms', met: false });
  });
});

describe('formatTable', () => {
  it('shows only the rows a partial run measured', () => {
    const results = newResults();
    results.phases = ['housing'];
    results.housing.cold_start_ms = 240;

    const table = formatTable(results);

    expect(table).toContain('invocations cold start: spawn → 1st housing answer');
    expect(table).not.toContain('digits accuracy');
    expect(table).not.toContain('not measured');
  });

  it('shows every row of a full run, unmeasured ones included', () => {
    const table = formatTable(newResults());

    expect(table).toContain('digits accuracy');
    expect(table).toContain('not measured');
  });
});
