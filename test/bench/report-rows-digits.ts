import { mb, ms, type Row, us, versusSklearn } from './report-row';

export const DIGITS_ROWS: Row[] = [
  {
    path: ['digits', 'accuracy'],
    label: 'digits accuracy (899 test rows)',
    show: (v, r) => `${v.toFixed(5)} (${r.digits.correct}/${r.digits.total})`,
    target: { min: 0.96885, text: '≥ 0.96885 (871/899)' },
    reference: versusSklearn({ sklearn: (s) => s.digits.accuracy }, (v) => v.toFixed(5), 'difference'),
  },
  {
    path: ['digits', 'train_ms'],
    label: 'train SVC, 898 rows (warm median)',
    show: ms,
    target: { max: 100, text: '≤ 100 ms' },
    reference: versusSklearn({ sklearn: (s) => s.digits.fit_ms }, ms),
  },
  {
    path: ['digits', 'train_vs_sklearn'],
    label: '  ours ÷ scikit-learn SVC fit (same run)',
    show: (v) => `×${v.toPrecision(2)}`,
    reference: '—',
  },
  { path: ['digits', 'train_solver_ms'], label: '  of which libsvm train() alone', show: ms, reference: '—' },
  { path: ['digits', 'train_first_ms'], label: 'train SVC, first run (+ WASM compile)', show: ms, reference: '—' },
  {
    path: ['digits', 'batch899_ms'],
    label: 'predict 899 rows, one batch (median)',
    show: ms,
    target: { max: 5, text: '≤ 5 ms' },
    reference: versusSklearn({ sklearn: (s) => s.digits.predict_all_ms }, ms),
  },
  {
    path: ['digits', 'single_p50_us'],
    label: 'predict 1 row, p50',
    show: us,
    target: { max: 60, text: '≤ 60 µs' },
    reference: versusSklearn({ sklearn: (s) => s.digits.single_p50_us }, us),
  },
  { path: ['digits', 'single_p99_us'], label: 'predict 1 row, p99', show: us, reference: '—' },
  {
    path: ['digits', 'cold_start_ms'],
    label: 'cold start: spawn → 1st prediction',
    show: ms,
    target: { max: 250, text: '≤ 250 ms' },
    reference: versusSklearn({ sklearn: (s) => s.digits.cold_start_ms }, ms),
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
    reference: versusSklearn({ '`import sklearn`': (s) => s.imports.import_sklearn_ms }, ms),
  },
  {
    path: ['digits', 'node_boot_ms'],
    label: 'empty node: spawn → report',
    show: ms,
    reference: versusSklearn({ '`python3 -c pass`': (s) => s.imports.python_boot_ms }, ms),
  },
];

export const DIGITS_HTTP_ROWS: Row[] = [
  { path: ['http', 'digits_predict_p50_ms'], label: 'POST /digits/predict, 1 image, p50', show: ms, reference: '—' },
  { path: ['http', 'digits_predict_p99_ms'], label: 'POST /digits/predict, 1 image, p99', show: ms, reference: '—' },
];

export const PACKAGE_ROWS: Row[] = [
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
  {
    path: ['package', 'function_zip_bytes', 'rain-forecast'],
    label: 'rain-forecast zip (layer variant, + cities.gaz)',
    show: mb,
    reference: '—',
  },
  {
    path: ['package', 'function_zip_bytes', 'nearest-store'],
    label: 'nearest-store zip (layer variant)',
    show: mb,
    reference: '—',
  },
];
