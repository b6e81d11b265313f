import type { BenchResults, GroupName } from './bench-results';

interface Row {
  path: [GroupName, string, string?];
  label: string;
  show: (value: number, results: BenchResults) => string;
  /** Upper or lower bound, in the figure's own unit. */
  target?: { max?: number; min?: number; text: string };
  reference: string;
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;
const us = (v: number) => `${v.toFixed(1)} µs`;
// MB = 10^6 bytes, the layer README's unit.
const mb = (v: number) => `${(v / 1e6).toFixed(2)} MB`;

export const ROWS: Row[] = [
  {
    path: ['digits', 'accuracy'],
    label: 'digits accuracy (899 test rows)',
    show: (v, r) => `${v.toFixed(5)} (${r.digits.correct}/${r.digits.total})`,
    target: { min: 0.96885, text: '≥ 0.96885 (871/899)' },
    reference: '0.96885 (871/899)',
  },
  {
    path: ['digits', 'train_ms'],
    label: 'train SVC, 898 rows (warm median)',
    show: ms,
    target: { max: 100, text: '≤ 100 ms' },
    reference: '46 ms (libsvm-js ~245 ms)',
  },
  { path: ['digits', 'train_solver_ms'], label: '  of which libsvm train() alone', show: ms, reference: '—' },
  { path: ['digits', 'train_first_ms'], label: 'train SVC, first run (+ WASM compile)', show: ms, reference: '—' },
  {
    path: ['digits', 'batch899_ms'],
    label: 'predict 899 rows, one batch (median)',
    show: ms,
    target: { max: 5, text: '≤ 5 ms' },
    reference: '68 ms (ORT SVMClassifier ~35 ms)',
  },
  {
    path: ['digits', 'single_p50_us'],
    label: 'predict 1 row, p50',
    show: us,
    target: { max: 60, text: '≤ 60 µs' },
    reference: '197 µs',
  },
  { path: ['digits', 'single_p99_us'], label: 'predict 1 row, p99', show: us, reference: '—' },
  {
    path: ['digits', 'cold_start_ms'],
    label: 'cold start: spawn → 1st prediction',
    show: ms,
    target: { max: 250, text: '≤ 250 ms' },
    reference: '750–900 ms (`import sklearn` alone)',
  },
  {
    path: ['digits', 'cold_start_in_child_ms'],
    label: 'cold start: in child (since process start)',
    show: ms,
    reference: '—',
  },
  {
    path: ['digits', 'cold_start_handler_loaded_ms'],
    label: 'cold start: handler required (in child)',
    show: ms,
    reference: '—',
  },
  { path: ['digits', 'node_boot_ms'], label: 'empty node: spawn → report', show: ms, reference: '—' },
  { path: ['http', 'digits_predict_p50_ms'], label: 'POST /digits/predict, 1 image, p50', show: ms, reference: '—' },
  { path: ['http', 'digits_predict_p99_ms'], label: 'POST /digits/predict, 1 image, p99', show: ms, reference: '—' },
  {
    path: ['package', 'layer_zip_bytes'],
    label: 'onnxruntime layer zip (x86_64)',
    show: mb,
    target: { max: 18e6, text: '≤ 18 MB' },
    reference: '—',
  },
  {
    path: ['package', 'function_zip_bytes', 'ml-train'],
    label: 'ml-train zip (layer variant)',
    show: mb,
    target: { max: 1e6, text: '≤ 1 MB' },
    reference: '—',
  },
  {
    path: ['package', 'function_zip_bytes', 'ml-predict'],
    label: 'ml-predict zip (layer variant)',
    show: mb,
    target: { max: 1e6, text: '≤ 1 MB' },
    reference: '—',
  },
];

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

/** The results as a plain-text table: figure | value | target | reference (scikit-learn). */
export function formatTable(results: BenchResults): string {
  const header = ['figure', 'value', 'target', 'reference (scikit-learn)'];
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
