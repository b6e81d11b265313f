import type { TopLevelSpec } from 'vega-lite';
import { formatCount, PLOT_CONFIG } from './plot-theme';

/** A classifier's test results: `matrix[true][predicted]` counts, rows and columns in `classes` order. */
export interface ConfusionMatrixData {
  classes: readonly (string | number)[];
  matrix: readonly (readonly number[])[];
}

/** The confusion matrix as a heatmap: true label down, predicted label across, each cell's count written in it. */
export function confusionMatrixSpec({ classes, matrix }: ConfusionMatrixData): TopLevelSpec {
  if (matrix.length !== classes.length || matrix.some((row) => row.length !== classes.length)) {
    throw new Error(
      `a confusion matrix for ${classes.length} classes needs ${classes.length}×${classes.length} counts`,
    );
  }
  const cells = matrix.flatMap((row, t) =>
    row.map((count, p) => ({ actual: String(classes[t]), predicted: String(classes[p]), count })),
  );
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  const correct = matrix.reduce((sum, row, i) => sum + row[i], 0);
  const order = classes.map(String);
  const size = Math.max(240, 32 * classes.length);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: PLOT_CONFIG,
    title: {
      text: 'Confusion matrix',
      subtitle: `${formatCount(correct)} of ${formatCount(total)} test images correct (${((100 * correct) / Math.max(total, 1)).toFixed(1)}%)`,
    },
    width: size,
    height: size,
    data: { values: cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'ordinal',
        sort: order,
        title: 'Predicted label',
        axis: { labelAngle: 0, grid: false },
      },
      y: { field: 'actual', type: 'ordinal', sort: order, title: 'True label', axis: { grid: false } },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          // sqrt: the diagonal holds ~90 per class, mistakes 1–5; a linear scale would hide them.
          color: {
            field: 'count',
            type: 'quantitative',
            scale: { type: 'sqrt', scheme: 'blues' },
            title: 'Test images',
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        transform: [{ filter: 'datum.count > 0' }],
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: {
            condition: { test: `datum.count > ${Math.max(...cells.map((c) => c.count)) / 3}`, value: 'white' },
            value: '#222',
          },
        },
      },
    ],
  };
}
