import { classificationReport } from './classification-metrics';

describe('classificationReport', () => {
  it('matches scikit-learn on a small example', () => {
    // sklearn.metrics.classification_report([0,0,1,1,2,2], [0,1,1,1,2,0])
    const report = classificationReport([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0]);
    expect(report.correct).toBe(4);
    expect(report.accuracy).toBeCloseTo(4 / 6);
    expect(report.perClass[1]).toEqual({ label: 1, precision: 0.666667, recall: 1, f1: 0.8, support: 2 });
    expect(report.perClass[0]).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(report.confusionMatrix).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
  });
});
