import type { BenchResults, FigureValue } from './bench-results';
import type { Bound, Target } from './report-row';
import { ROWS, type Row } from './report-rows';

/** The dotted name of a row's figure, as used in `unmeasured` and `targets`. */
export const dotted = (row: Row) => row.path.filter(Boolean).join('.');

/** The row's figure: a number, null when unmeasured, undefined when no phase wrote it. */
function rawAt(results: BenchResults, row: Row): FigureValue | undefined {
  const [group, key, sub] = row.path;
  const value = results[group][key];
  if (sub === undefined) return value;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[sub] : value;
}

function valueAt(results: BenchResults, row: Row): number | null {
  const picked = rawAt(results, row);
  return typeof picked === 'number' ? picked : null;
}

function shownValue(results: BenchResults, row: Row, v: number | null): string {
  if (v !== null) return row.show(v, results);
  return rawAt(results, row) === undefined ? 'not measured' : 'n/a';
}

/** What the reference column says about scikit-learn: skipped, or what the ratios and differences mean. */
function sklearnNote(results: BenchResults): string {
  const s = results.sklearn;
  if (!s) return 'reference: scikit-learn was not run';
  if ('skipped' in s) return `reference: scikit-learn skipped, its columns show —: ${s.skipped}`;
  const v = s.versions;
  return (
    `reference: scikit-learn ${v.sklearn} (numpy ${v.numpy}, Python ${v.python}, one thread) measured in this run; ` +
    'ours ×r = ours ÷ theirs (times, errors: below 1 is better), ours ±d = ours − theirs (scores: above 0 is better)'
  );
}

const resolve = (bound: Bound | undefined, results: BenchResults) =>
  typeof bound === 'function' ? bound(results) : bound;

/** Whether `v` meets the target; null when `v` or a bound computed from the results is unmeasured. */
export function meets(v: number | null, t: Target, results: BenchResults): boolean | null {
  const max = resolve(t.max, results);
  const min = resolve(t.min, results);
  const below = resolve(t.below, results);
  const unresolved = (t.max !== undefined && max === undefined) || (t.min !== undefined && min === undefined);
  if (v === null || unresolved || (t.below !== undefined && below === undefined)) return null;
  return (max === undefined || v <= max) && (min === undefined || v >= min) && (below === undefined || v < below);
}

/** Checks every target and fills `results.targets`, with the bound used when it was computed from the results. */
export function checkTargets(results: BenchResults): void {
  for (const row of ROWS) {
    if (!row.target) continue;
    const t = row.target;
    const computed = [t.max, t.min, t.below].find((b) => typeof b === 'function');
    const bound = computed === undefined ? undefined : (resolve(computed, results) ?? null);
    const met = meets(valueAt(results, row), t, results);
    results.targets[dotted(row)] = { target: t.text, met, ...(bound === undefined ? {} : { bound }) };
  }
}

/** The results as a plain-text table: figure | value | target | reference; a partial run's rows only. */
export function formatTable(results: BenchResults): string {
  const header = ['figure', 'value', 'target', 'reference (scikit-learn unless noted)'];
  // A partial run (BENCH_ONLY) shows the rows of its own phases, not a page of "not measured".
  const rows = results.phases ? ROWS.filter((row) => rawAt(results, row) !== undefined) : ROWS;
  const lines = rows.map((row) => {
    const v = valueAt(results, row);
    const met = row.target ? meets(v, row.target, results) : null;
    const mark = met === null ? '' : met ? ' ✓' : ' ✗';
    return [
      row.label,
      shownValue(results, row, v),
      row.target ? `${row.target.text}${mark}` : '—',
      typeof row.reference === 'string' ? row.reference : row.reference(results, v),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = Object.entries(results.unmeasured).map(([key, why]) => `n/a ${key}: ${why}`);
  return [fmt(header), rule, ...lines.map(fmt), '', sklearnNote(results), ...notes].join('\n');
}
