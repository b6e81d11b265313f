import { reliabilityBins, reliabilitySpec, rocCurve, rocCurveSpec, rocPointOf } from '@serverless-ml/plots';
import type { RainExample } from '@serverless-ml/rain-model';
import type { PlotDraft } from '../render-plots';
import { brierScore } from './binary-metrics';

/**
 * The rain model's plots on the test year: its ROC curve (AUC in the title) with the baseline rules
 * as points, and its reliability diagram against the same baselines — "always dry", "persistence"
 * (tomorrow is like today) and "climatology" (the training years' share of rainy days, every day).
 */
export function rainPlots(input: {
  probabilities: ArrayLike<number>;
  labels: Uint8Array;
  test: RainExample[];
  train: RainExample[];
  auc: number;
}): PlotDraft[] {
  const { probabilities, labels, test } = input;
  const rainyShare = input.train.filter((e) => e.label === 1).length / Math.max(input.train.length, 1);
  const baselines = [
    { name: 'always dry', forecast: new Float64Array(test.length) },
    { name: 'persistence', forecast: Float64Array.from(test, (e) => (e.day.precipitation > 0 ? 1 : 0)) },
    { name: 'climatology', forecast: new Float64Array(test.length).fill(rainyShare) },
  ];
  const series = [
    { name: 'model', brier: brierScore(probabilities, labels), bins: reliabilityBins(probabilities, labels) },
    ...baselines.map((b) => ({
      name: b.name,
      brier: brierScore(b.forecast, labels),
      bins: reliabilityBins(b.forecast, labels),
    })),
  ];
  return [
    {
      id: 'roc-curve',
      title: `ROC curve (AUC ${input.auc.toFixed(3)})`,
      spec: rocCurveSpec({
        points: rocCurve(probabilities, labels),
        auc: input.auc,
        rows: test.length,
        // Climatology ranks nothing (one score for every day): it is the chance diagonal, not a point.
        baselines: baselines.slice(0, 2).map((b) => ({ name: b.name, ...rocPointOf(b.forecast, labels) })),
      }),
    },
    {
      id: 'reliability',
      title: 'Reliability diagram against the baselines',
      spec: reliabilitySpec({ series, rows: test.length }),
    },
  ];
}
