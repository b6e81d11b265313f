import { reliabilitySpec, rocCurveSpec } from './binary-plots';
import { renderSvg } from './render-svg';

const roc = {
  points: [
    { fpr: 0, tpr: 0 },
    { fpr: 0.2, tpr: 0.6 },
    { fpr: 1, tpr: 1 },
  ],
  auc: 0.72451,
  rows: 728,
  baselines: [{ name: 'persistence', fpr: 0.23, tpr: 0.55 }],
};
const series = [
  { name: 'model', brier: 0.1936, bins: [{ predicted: 0.15, observed: 0.16, count: 200 }] },
  { name: 'always dry', brier: 0.3489, bins: [{ predicted: 0, observed: 0.35, count: 728 }] },
];

describe('rocCurveSpec', () => {
  it('puts the AUC (3 decimals) in the title and the curve, diagonal and baselines in layers', () => {
    const spec = rocCurveSpec(roc) as { title: { text: string }; layer: { data: { values: unknown[] } }[] };
    expect(spec.title.text).toBe('ROC curve (AUC 0.725)');
    expect(spec.layer.map((l) => l.data.values.length)).toEqual([2, 3, 1]);
  });

  it('renders with both axes titled and the baseline in the legend', async () => {
    const svg = await renderSvg(rocCurveSpec(roc));
    for (const text of ['ROC curve (AUC 0.725)', 'False positive rate', 'True positive rate', 'persistence']) {
      expect(svg).toContain(text);
    }
  });
});

describe('reliabilitySpec', () => {
  it('names each forecaster with its Brier score, the model first', () => {
    const spec = reliabilitySpec({ series, rows: 728 }) as { layer: { data: { values: { forecaster: string }[] } }[] };
    expect(spec.layer[1].data.values.map((v) => v.forecaster)).toEqual([
      'model (Brier 0.194)',
      'always dry (Brier 0.349)',
    ]);
  });

  it('renders with both axes titled and every forecaster in the legend', async () => {
    const svg = await renderSvg(reliabilitySpec({ series, rows: 728 }));
    for (const text of ['Forecast probability of rain', 'Observed frequency of rain', 'always dry (Brier 0.349)']) {
      expect(svg).toContain(text);
    }
  });
});
