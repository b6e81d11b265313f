import { headlineMetrics } from './version-metadata';

describe('headlineMetrics', () => {
  it('takes the numbers of the metrics section, skipping arrays', () => {
    const metadata = { metrics: { accuracy: 0.9689, correct: 871, perClass: [{ f1: 1 }] } };
    expect(headlineMetrics(metadata)).toEqual({ accuracy: 0.9689, correct: 871 });
  });

  it('flattens nested sections with dotted names (baselines)', () => {
    expect(headlineMetrics({ metrics: { baselines: { always_dry_accuracy: 0.65 } } })).toEqual({
      'baselines.always_dry_accuracy': 0.65,
    });
  });
});
