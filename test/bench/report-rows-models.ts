import { count, dec4, ms, type Row, us, versusSklearn } from './report-row';
import type { SklearnClassifier, SklearnFigures } from './sklearn-figures';

/** scikit-learn's three classifiers on our rain features and split, one metric. */
const rainModels = (metric: keyof Omit<SklearnClassifier, 'estimator'>) => ({
  'sklearn LogReg': (s: SklearnFigures) => s.rain?.models.logreg[metric],
  RF: (s: SklearnFigures) => s.rain?.models.forest[metric],
  HGB: (s: SklearnFigures) => s.rain?.models.gbm[metric],
});
const COLD_TARGET = { max: 300, text: '≤ 300 ms' };

export const RAIN_ROWS: Row[] = [
  {
    path: ['rain', 'auc'],
    label: 'rain ROC AUC (2015 test year, ml-train)',
    show: dec4,
    target: { min: 0.74, text: '≥ 0.74' },
    reference: versusSklearn(rainModels('auc'), dec4, 'difference'),
  },
  {
    path: ['rain', 'accuracy'],
    label: 'rain accuracy at 0.5',
    show: (v, r) => `${dec4(v)} (${r.rain.test_rows ?? '?'} rows)`,
    target: { min: 0.73, text: '≥ 0.73' },
    reference: versusSklearn(rainModels('accuracy'), dec4, 'difference'),
  },
  {
    path: ['rain', 'brier'],
    label: 'rain Brier score (lower is better)',
    show: dec4,
    reference: versusSklearn(rainModels('brier'), dec4),
  },
  {
    path: ['rain', 'baseline_always_dry_accuracy'],
    label: 'rain baseline: always dry',
    show: dec4,
    reference: versusSklearn({ python: (s) => s.rain?.baseline_always_dry_accuracy }, dec4, 'difference'),
  },
  {
    path: ['rain', 'baseline_persistence_accuracy'],
    label: 'rain baseline: persistence (tomorrow = today)',
    show: dec4,
    reference: versusSklearn({ python: (s) => s.rain?.baseline_persistence_accuracy }, dec4, 'difference'),
  },
  {
    path: ['rain', 'train_in_function_ms'],
    label: 'rain boosting in ml-train',
    show: ms,
    reference: versusSklearn({ 'sklearn HGB fit': (s) => s.rain?.models.gbm.fit_ms }, ms),
  },
  {
    path: ['rain', 'cold_start_ms'],
    label: 'rain cold start: spawn → 1st forecast',
    show: ms,
    target: COLD_TARGET,
    reference: '—',
  },
  { path: ['rain', 'cold_start_in_child_ms'], label: 'rain cold start: in child', show: ms, reference: '—' },
  {
    path: ['rain', 'cold_start_handler_loaded_ms'],
    label: 'rain cold start: handler required (in child)',
    show: ms,
    reference: '—',
  },
  { path: ['rain', 'node_boot_ms'], label: 'empty node, interleaved with rain', show: ms, reference: '—' },
  {
    path: ['rain', 'warm_p50_us'],
    label: 'rain handler warm p50 (incl. S3 log PUT)',
    show: us,
    target: { max: 100, text: '≤ 100 µs' },
    reference: '—',
  },
  { path: ['rain', 'warm_p99_us'], label: 'rain handler warm p99 (incl. S3 log PUT)', show: us, reference: '—' },
  {
    path: ['rain', 'warm_no_log_p50_us'],
    label: '  handler steps without the S3 log, p50',
    show: us,
    target: { max: 100, text: '(≤ 100 µs)' },
    reference: '—',
  },
  { path: ['rain', 'predict_p50_us'], label: '  prediction alone (features + ORT), p50', show: us, reference: '—' },
  { path: ['rain', 'log_write_p50_us'], label: '  S3 log write alone (s3rver), p50', show: us, reference: '—' },
];

export const STORES_ROWS: Row[] = [
  { path: ['stores', 'count'], label: 'stores in the model', show: count, reference: '—' },
  {
    path: ['stores', 'agreement'],
    label: 'stores: k nearest = brute-force haversine',
    show: (v, r) =>
      `${v.toFixed(4)} (${r.stores.agreement_agreed}/${r.stores.agreement_queries}, k=${r.stores.agreement_k})`,
    target: { min: 1, text: '1.0' },
    reference: '—',
  },
  {
    path: ['stores', 'query_p50_us'],
    label: 'stores query p50 (findNearestStores, k=5)',
    show: us,
    target: { max: 50, text: '≤ 50 µs' },
    reference: '—',
  },
  { path: ['stores', 'query_p99_us'], label: 'stores query p99', show: us, reference: '—' },
  { path: ['stores', 'handler_warm_p50_us'], label: 'stores handler warm p50 (bundled)', show: us, reference: '—' },
  { path: ['stores', 'handler_warm_p99_us'], label: 'stores handler warm p99 (bundled)', show: us, reference: '—' },
  {
    path: ['stores', 'cold_start_ms'],
    label: 'stores cold start: spawn → 1st answer',
    show: ms,
    target: COLD_TARGET,
    reference: '—',
  },
  { path: ['stores', 'cold_start_in_child_ms'], label: 'stores cold start: in child', show: ms, reference: '—' },
  {
    path: ['stores', 'cold_start_handler_loaded_ms'],
    label: 'stores cold start: handler required (in child)',
    show: ms,
    reference: '—',
  },
  { path: ['stores', 'node_boot_ms'], label: 'empty node, interleaved with stores', show: ms, reference: '—' },
];

/** p50, p99, requests/s, errors (timeouts included) and non-2xx of one route under autocannon. */
function loadRows(key: string, route: string): Row[] {
  const zero = { max: 0, text: '0' };
  return [
    { path: ['http', `${key}_p50_ms`], label: `${route}, p50`, show: ms, reference: '—' },
    { path: ['http', `${key}_p99_ms`], label: `${route}, p99`, show: ms, reference: '—' },
    {
      path: ['http', `${key}_rps`],
      label: `${route}, requests/s`,
      show: (v, r) => `${v.toFixed(0)} (${r.http[`${key}_connections`]} conn., ${r.http[`${key}_requests`]} req.)`,
      reference: '—',
    },
    { path: ['http', `${key}_errors`], label: `${route}, errors`, show: count, target: zero, reference: '—' },
    { path: ['http', `${key}_non2xx`], label: `${route}, non-2xx`, show: count, target: zero, reference: '—' },
  ];
}

export const MODEL_HTTP_ROWS: Row[] = [
  ...loadRows('rain_forecast', 'GET /rain-forecast (autocannon)'),
  ...loadRows('stores_nearest', 'GET /stores/nearest (autocannon)'),
  ...loadRows('invocations', 'POST /endpoints/housing/invocations, 1 CSV row (autocannon)'),
];

const mbPerS = (v: number) => `${v.toFixed(1)} MB/s`;

/** Pods: a ≥ 200 MB state saved to a zip and loaded back (packages/pods/src/bench-pods.ts). */
export const PODS_ROWS: Row[] = [
  {
    path: ['pods', 'state_mb'],
    label: 'pods: state saved and loaded',
    show: (v) => `${v.toFixed(0)} MB`,
    reference: '—',
  },
  { path: ['pods', 'save_mb_per_s'], label: 'pods: save to zip', show: mbPerS, reference: '—' },
  { path: ['pods', 'load_mb_per_s'], label: 'pods: verify + load from zip', show: mbPerS, reference: '—' },
  {
    path: ['pods', 'peak_rss_mb'],
    label: 'pods: peak RSS of save/load',
    show: (v) => `${v.toFixed(0)} MB`,
    target: { max: 200, text: '≤ 200 MB (well below the state)' },
    reference: '—',
  },
];
