import type { BenchResults } from './bench-results';
import { ROWS, type Row } from './report-rows';

/** The dotted name of a row's figure, as used in `unmeasured` and `targets`. */
export const dotted = (row: Row) => row.path.filter(Boolean).join('.');

function valueAt(results: BenchResults, row: Row): number | null {
  const [group, key, sub] = row.path;
  const value = results[group][key];
  const picked =
    sub !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value) ? value[sub] : value;
  return typeof picked === 'number' ? picked : null;
}

const meets = (v: number, t: NonNullable<Row['target']>) =>
  (t.max === undefined || v <= t.max) && (t.min === undefined || v >= t.min);

/** Checks every target and fills `results.targets`. */
export function checkTargets(results: BenchResults): void {
  for (const row of ROWS) {
    if (!row.target) continue;
    const v = valueAt(results, row);
    results.targets[dotted(row)] = { target: row.target.text, met: v === null ? null : meets(v, row.target) };
  }
}

/** The results as a plain-text table: figure | value | target | reference. */
export function formatTable(results: BenchResults): string {
  const header = ['figure', 'value', 'target', 'reference (scikit-learn unless noted)'];
  const lines = ROWS.map((row) => {
    const v = valueAt(results, row);
    const mark = !row.target || v === null ? '' : meets(v, row.target) ? ' ✓' : ' ✗';
    return [
      row.label,
      v === null ? 'n/a' : row.show(v, results),
      row.target ? `${row.target.text}${mark}` : '—',
      row.reference,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = Object.entries(results.unmeasured).map(([key, why]) => `n/a ${key}: ${why}`);
  return [fmt(header), rule, ...lines.map(fmt), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
