import { meanBaseline, predictionDrift, regressionMetrics } from './regression-metrics';

describe('regressionMetrics', () => {
  it('gives R² 1 and zero errors for perfect predictions', () => {
    expect(regressionMetrics([1, 2, 3], [1, 2, 3])).toEqual({ r2: 1, rmse: 0, mae: 0 });
  });

  it('computes R², RMSE and MAE of imperfect predictions', () => {
    // Errors −1, +1, +2: SSE 6, SST around the mean 2 of [1, 2, 3] is 2.
    const { r2, rmse, mae } = regressionMetrics([1, 2, 3], [0, 3, 5]);
    expect(r2).toBeCloseTo(1 - 6 / 2, 12);
    expect(rmse).toBeCloseTo(Math.sqrt(2), 12);
    expect(mae).toBeCloseTo(4 / 3, 12);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => regressionMetrics([1, 2], [1])).toThrow(RangeError);
  });
});

describe('meanBaseline', () => {
  it('predicts the mean of the training targets, so its test R² is at most 0', () => {
    const baseline = meanBaseline([10, 20, 30], [10, 30]);
    expect(baseline.mae).toBe(10);
    expect(baseline.rmse).toBe(10);
    expect(baseline.r2).toBe(0);
  });
});

describe('predictionDrift', () => {
  it('reports the largest absolute and relative difference (relative to at least 1)', () => {
    expect(predictionDrift([100, 0.5], [101, 0.75])).toEqual({ maxAbsDiff: 1, maxRelDiff: 0.25 });
  });
});
