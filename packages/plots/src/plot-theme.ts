import type { Config } from 'vega-lite';

/** Width and height of every plot's data rectangle, in pixels. */
export const PLOT_SIZE = { width: 420, height: 320 } as const;

/** One look for every plot: readable fonts, white background, labelled axes, no chart chrome. */
export const PLOT_CONFIG: Config = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 12,
  title: { fontSize: 16, subtitleFontSize: 12, subtitleColor: '#444', anchor: 'start', offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', grid: true, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  view: { stroke: null },
};

/** A count with thousands separators, the same in every locale (`1,032`). */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * At most `max` items, evenly spaced through `items` (every k-th, first included): a plot keeps its
 * size and stays deterministic. Returns the items unchanged when there are few enough.
 */
export function sampleEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]);
}
