import type { BenchResults, GroupName } from './bench-results';
import type { SklearnFigures } from './sklearn-figures';

/** A reference computed from the results (e.g. scikit-learn measured in this run) and our figure, null when unmeasured. */
export type Reference = (results: BenchResults, ours: number | null) => string;

/**
 * A target's bound in the figure's own unit: fixed, or computed from the results — scikit-learn's
 * same-run figure, say — and undefined when that is not measured (the target is then unchecked).
 */
export type Bound = number | ((results: BenchResults) => number | undefined);

/** At most `max`, at least `min`, strictly below `below` (any of them); `text` is what the table shows. */
export interface Target {
  max?: Bound;
  min?: Bound;
  below?: Bound;
  text: string;
}

/** One line of the table: where its figure is, how it is shown, its target and reference. */
export interface Row {
  path: [GroupName, string, string?];
  label: string;
  show: (value: number, results: BenchResults) => string;
  target?: Target;
  reference: string | Reference;
}

/** A bound computed from scikit-learn's figures in this run; undefined when scikit-learn was skipped. */
export function sklearnBound(pick: (s: SklearnFigures) => number | undefined): Bound {
  return (results) => {
    const s = results.sklearn;
    return !s || 'skipped' in s ? undefined : pick(s);
  };
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
export const us = (v: number) => `${v.toFixed(1)} µs`;
// MB = 10^6 bytes, the layer README's unit.
export const mb = (v: number) => `${(v / 1e6).toFixed(2)} MB`;
export const count = (v: number) => String(v);
export const dec4 = (v: number) => v.toFixed(4);

type SklearnPick = (s: SklearnFigures) => number | undefined;

const ratio = (ours: number, ref: number) => `×${(ours / ref).toPrecision(2)}`;
function difference(ours: number, ref: number): string {
  const shown = Math.abs(ours - ref).toFixed(4);
  return `${Number(shown) === 0 ? '±' : ours > ref ? '+' : '−'}${shown}`;
}

/**
 * The reference as scikit-learn measured it in this run, and how ours compares: `ratio` (ours ÷
 * theirs, for times and errors: below 1 is better) or `difference` (ours − theirs, for scores:
 * above 0 is better). `refs` maps a label to a figure: "sklearn 29.6 ms → ours ×0.37"; with
 * several, ours is compared with the best of them. "—" when scikit-learn was skipped.
 */
export function versusSklearn(
  refs: Record<string, SklearnPick>,
  show: (v: number) => string,
  compare: 'ratio' | 'difference' = 'ratio',
): Reference {
  return (results, ours) => {
    const s = results.sklearn;
    if (!s || 'skipped' in s) return '—';
    const measured = Object.entries(refs).flatMap(([label, pick]) => {
      const value = pick(s);
      return value === undefined ? [] : [{ label, value }];
    });
    if (measured.length === 0) return '—';
    const better = (a: number, b: number) => (compare === 'ratio' ? a < b : a > b);
    const best = measured.reduce((a, b) => (better(b.value, a.value) ? b : a));
    const text = measured.map(({ label, value }) => `${label} ${show(value)}`).join(', ');
    if (ours === null) return text;
    const versus = compare === 'ratio' ? ratio(ours, best.value) : difference(ours, best.value);
    return `${text} → ours ${versus}${measured.length > 1 ? ` vs ${best.label}` : ''}`;
  };
}
