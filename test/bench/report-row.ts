import type { BenchResults, GroupName } from './bench-results';

/** One line of the table: where its figure is, how it is shown, its target and reference. */
export interface Row {
  path: [GroupName, string, string?];
  label: string;
  show: (value: number, results: BenchResults) => string;
  /** Upper or lower bound, in the figure's own unit. */
  target?: { max?: number; min?: number; text: string };
  reference: string;
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
export const us = (v: number) => `${v.toFixed(1)} µs`;
// MB = 10^6 bytes, the layer README's unit.
export const mb = (v: number) => `${(v / 1e6).toFixed(2)} MB`;
export const count = (v: number) => String(v);
