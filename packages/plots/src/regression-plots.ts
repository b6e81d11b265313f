import type { TopLevelSpec } from 'vega-lite';
import { formatCount, PLOT_CONFIG, PLOT_SIZE, sampleEvenly } from './plot-theme';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** A regression's test rows: what was observed and what the model predicted, row for row. */
export interface RegressionResults {
  actual: ArrayLike<number>;
  predicted: ArrayLike<number>;
  /** The target with its unit, for the axes: `median house value (USD)`. */
  target: string;
}

/** Residual (actual − predicted) statistics of one decile of the predictions. */
export interface ResidualDecile {
  decile: number;
  count: number;
  predictedFrom: number;
  predictedTo: number;
  mean: number;
  q10: number;
  q25: number;
  median: number;
  q75: number;
  q90: number;
}

/** At most this many points in a scatter: ~130 bytes of SVG each. */
export const MAX_SCATTER_POINTS = 1000;

function checkLengths({ actual, predicted }: RegressionResults): number {
  if (actual.length !== predicted.length) throw new Error(`${predicted.length} predictions for ${actual.length} rows`);
  if (actual.length === 0) throw new Error('no test rows to plot');
  return actual.length;
}

/** Linear interpolation between order statistics (numpy's default `quantile`). */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

/** Rows split into ten equal groups by predicted value (lowest first), with each group's residuals summarised. */
export function residualDeciles(results: RegressionResults): ResidualDecile[] {
  const n = checkLengths(results);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => results.predicted[a] - results.predicted[b] || a - b,
  );
  return Array.from({ length: 10 }, (_, d) => {
    const rows = order.slice(Math.floor((d * n) / 10), Math.floor(((d + 1) * n) / 10));
    const residuals = rows.map((i) => results.actual[i] - results.predicted[i]).sort((a, b) => a - b);
    return {
      decile: d + 1,
      count: rows.length,
      predictedFrom: results.predicted[rows[0]],
      predictedTo: results.predicted[rows[rows.length - 1]],
      mean: residuals.reduce((s, r) => s + r, 0) / residuals.length,
      q10: quantile(residuals, 0.1),
      q25: quantile(residuals, 0.25),
      median: quantile(residuals, 0.5),
      q75: quantile(residuals, 0.75),
      q90: quantile(residuals, 0.9),
    };
  }).filter((d) => d.count > 0);
}

/** Predicted against actual, one point per test row (evenly sampled past MAX_SCATTER_POINTS), and the y = x line. */
export function predictedVsActualSpec(results: RegressionResults): TopLevelSpec {
  const n = checkLengths(results);
  const rows = Array.from({ length: n }, (_, i) => ({ actual: results.actual[i], predicted: results.predicted[i] }));
  const shown = sampleEvenly(rows, MAX_SCATTER_POINTS);
  const values = rows.flatMap((r) => [r.actual, r.predicted]);
  const domain = [Math.min(...values), Math.max(...values)];
  const sampled =
    shown.length < n
      ? `${formatCount(shown.length)} of ${formatCount(n)} test rows, evenly sampled`
      : `${formatCount(n)} test rows`;
  const axis = (title: string) => ({ type: 'quantitative' as const, title, scale: { domain }, axis: { format: '~s' } });
  return {
    $schema: SCHEMA,
    config: PLOT_CONFIG,
    title: { text: 'Predicted vs actual', subtitle: `${sampled}; dashed: a perfect prediction` },
    ...PLOT_SIZE,
    layer: [
      {
        data: { values: shown },
        // aria: false — a label per point would triple the SVG; the title describes the scatter.
        mark: { type: 'circle', size: 14, opacity: 0.45, color: '#1f77b4', aria: false },
        encoding: {
          x: { field: 'actual', ...axis(`Actual ${results.target}`) },
          y: { field: 'predicted', ...axis(`Predicted ${results.target}`) },
        },
      },
      {
        data: {
          values: [
            { actual: domain[0], predicted: domain[0] },
            { actual: domain[1], predicted: domain[1] },
          ],
        },
        mark: { type: 'line', strokeDash: [4, 4], color: '#d62728' },
        encoding: { x: { field: 'actual', type: 'quantitative' }, y: { field: 'predicted', type: 'quantitative' } },
      },
    ],
  };
}

/** Residuals by decile of the prediction: the 10–90% range, the interquartile box, the median, and zero. */
export function residualsByDecileSpec(results: RegressionResults): TopLevelSpec {
  const n = checkLengths(results);
  const deciles = residualDeciles(results);
  const x = {
    field: 'decile',
    type: 'ordinal' as const,
    title: `Decile of predicted ${results.target} (1 = lowest)`,
    axis: { labelAngle: 0 },
  };
  return {
    $schema: SCHEMA,
    config: PLOT_CONFIG,
    title: {
      text: 'Residuals by decile of the prediction',
      subtitle: `${formatCount(n)} test rows; residual = actual − predicted; box: 25–75%, whiskers: 10–90%, tick: median`,
    },
    ...PLOT_SIZE,
    layer: [
      {
        data: { values: deciles },
        encoding: { x },
        layer: [
          {
            mark: { type: 'rule', color: '#555' },
            encoding: {
              y: { field: 'q10', type: 'quantitative', title: `Residual, ${results.target}`, axis: { format: '~s' } },
              y2: { field: 'q90' },
            },
          },
          {
            mark: { type: 'bar', color: '#9ecae1', size: 22 },
            encoding: { y: { field: 'q25', type: 'quantitative' }, y2: { field: 'q75' } },
          },
          {
            mark: { type: 'tick', color: '#08306b', thickness: 2, size: 22 },
            encoding: { y: { field: 'median', type: 'quantitative' } },
          },
        ],
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#d62728', strokeDash: [4, 4] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
}
