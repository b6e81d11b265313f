import type { TopLevelSpec } from 'vega-lite';
import type { ReliabilityBin, RocPoint } from './binary-curves';
import { formatCount, PLOT_CONFIG, PLOT_SIZE } from './plot-theme';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const unitAxis = (title: string) => ({
  type: 'quantitative' as const,
  title,
  scale: { domain: [0, 1] },
  axis: { format: '.1f' },
});

/** A baseline rule on the ROC plane (hard predictions: one point). */
export interface RocBaseline extends RocPoint {
  name: string;
}

/** The ROC curve with its AUC in the title, the chance diagonal, and the baseline rules as points. */
export function rocCurveSpec(input: {
  points: RocPoint[];
  auc: number;
  rows: number;
  baselines?: RocBaseline[];
}): TopLevelSpec {
  const baselines = input.baselines ?? [];
  return {
    $schema: SCHEMA,
    config: PLOT_CONFIG,
    title: {
      text: `ROC curve (AUC ${input.auc.toFixed(3)})`,
      subtitle: `${formatCount(input.rows)} test days; dashed: chance; points: baseline rules`,
    },
    ...PLOT_SIZE,
    layer: [
      {
        data: {
          values: [
            { fpr: 0, tpr: 0 },
            { fpr: 1, tpr: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        encoding: {
          x: { field: 'fpr', ...unitAxis('False positive rate') },
          y: { field: 'tpr', ...unitAxis('True positive rate') },
        },
      },
      {
        data: { values: input.points },
        mark: { type: 'line', color: '#1f77b4', strokeWidth: 2, interpolate: 'step-after' },
        encoding: { x: { field: 'fpr', type: 'quantitative' }, y: { field: 'tpr', type: 'quantitative' } },
      },
      {
        data: { values: baselines },
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          x: { field: 'fpr', type: 'quantitative' },
          y: { field: 'tpr', type: 'quantitative' },
          shape: { field: 'name', type: 'nominal', title: 'Baseline' },
          color: {
            field: 'name',
            type: 'nominal',
            title: 'Baseline',
            scale: { range: ['#d62728', '#2ca02c', '#9467bd'] },
          },
        },
      },
    ],
  };
}

/** A forecaster's reliability: its binned forecasts and its Brier score. */
export interface ReliabilitySeries {
  name: string;
  brier: number;
  bins: ReliabilityBin[];
}

/**
 * The reliability (calibration) diagram: observed frequency against mean forecast per bin, for the
 * model and its baselines, with the diagonal a perfectly calibrated forecaster would follow.
 */
export function reliabilitySpec(input: { series: ReliabilitySeries[]; rows: number }): TopLevelSpec {
  const values = input.series.flatMap((s) =>
    s.bins.map((b) => ({ ...b, forecaster: `${s.name} (Brier ${s.brier.toFixed(3)})` })),
  );
  const names = input.series.map((s) => `${s.name} (Brier ${s.brier.toFixed(3)})`);
  return {
    $schema: SCHEMA,
    config: PLOT_CONFIG,
    title: {
      text: 'Reliability diagram',
      subtitle: `${formatCount(input.rows)} test days in 10 forecast bins; point area: days in the bin; dashed: perfect calibration`,
    },
    ...PLOT_SIZE,
    layer: [
      {
        data: {
          values: [
            { predicted: 0, observed: 0 },
            { predicted: 1, observed: 1 },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        encoding: {
          x: { field: 'predicted', ...unitAxis('Forecast probability of rain (bin mean)') },
          y: { field: 'observed', ...unitAxis('Observed frequency of rain') },
        },
      },
      {
        data: { values },
        encoding: {
          x: { field: 'predicted', type: 'quantitative' },
          y: { field: 'observed', type: 'quantitative' },
          color: {
            field: 'forecaster',
            type: 'nominal',
            sort: names,
            title: 'Forecaster',
            legend: { orient: 'bottom', direction: 'vertical' },
          },
        },
        layer: [
          { mark: { type: 'line', strokeWidth: 1.5 } },
          {
            mark: { type: 'point', filled: true },
            encoding: { size: { field: 'count', type: 'quantitative', legend: null } },
          },
        ],
      },
    ],
  };
}
