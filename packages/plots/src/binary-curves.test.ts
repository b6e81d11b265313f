import { reliabilityBins, rocCurve, rocPointOf } from './binary-curves';

describe('rocCurve', () => {
  it('goes straight up then across for scores that rank every positive first', () => {
    expect(rocCurve([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0], 0)).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0, tpr: 0.5 },
      { fpr: 0, tpr: 1 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it('moves tied scores together, as one diagonal step', () => {
    expect(rocCurve([0.5, 0.5, 0.2], [1, 0, 0], 0)).toEqual([
      { fpr: 0, tpr: 0 },
      { fpr: 0.5, tpr: 1 },
      { fpr: 1, tpr: 1 },
    ]);
  });

  it('thins vertices closer than minStep but always ends at (1, 1)', () => {
    const n = 1000;
    const scores = Array.from({ length: n }, (_, i) => n - i);
    const labels = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const points = rocCurve(scores, labels, 0.05);
    expect(points.length).toBeLessThan(60);
    expect(points.at(-1)).toEqual({ fpr: 1, tpr: 1 });
  });

  it('refuses labels of one class and mismatched lengths', () => {
    expect(() => rocCurve([0.1, 0.2], [1, 1])).toThrow('a ROC curve needs both classes');
    expect(() => rocCurve([0.1], [1, 0])).toThrow('1 scores for 2 labels');
  });
});

describe('rocPointOf', () => {
  it('places hard predictions at their false and true positive rates', () => {
    expect(rocPointOf([1, 0, 1, 0], [1, 1, 0, 0])).toEqual({ fpr: 0.5, tpr: 0.5 });
    expect(rocPointOf([0, 0, 0, 0], [1, 1, 0, 0])).toEqual({ fpr: 0, tpr: 0 });
  });
});

describe('reliabilityBins', () => {
  it('averages forecasts and outcomes per equal-width bin, leaving empty bins out', () => {
    const bins = reliabilityBins([0.05, 0.15, 0.12, 0.95, 1], [0, 1, 0, 1, 1]);
    expect(bins).toEqual([
      { predicted: 0.05, observed: 0, count: 1 },
      { predicted: expect.closeTo(0.135, 10), observed: 0.5, count: 2 },
      { predicted: expect.closeTo(0.975, 10), observed: 1, count: 2 },
    ]);
  });
});
