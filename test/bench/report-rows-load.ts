import type { BenchResults } from './bench-results';
import { count, ms, type Row } from './report-row';

const ROUTES = [
  ['digits', 'POST /digits/predict'],
  ['rain', 'GET /rain-forecast'],
  ['stores', 'GET /stores/nearest'],
  ['models', 'GET /models'],
  ['invocations', 'POST /endpoints/housing/invocations'],
] as const;

const requestsOf = (r: BenchResults, name: string) => `${r.http[`load_${name}_requests`]} req.`;

/** Issue 8's load: 10,000 requests a route at 50 connections, real statuses, the stack's peak RSS. */
export const LOAD_ROWS: Row[] = [
  ...ROUTES.flatMap(([name, route]): Row[] => [
    {
      path: ['http', `load_${name}_failures`],
      label: `load, ${route}: failures (not 200, or 200 with errorMessage)`,
      show: (v, r) => `${count(v)} of ${requestsOf(r, name)}`,
      target: { max: 0, text: '0 at 50 connections' },
      reference: '—',
    },
    {
      path: ['http', `load_${name}_p99_ms`],
      label: `load, ${route}: p50 / p99, requests/s`,
      show: (v, r) =>
        `${ms(Number(r.http[`load_${name}_p50_ms`]))} / ${ms(v)}, ${Number(r.http[`load_${name}_rps`]).toFixed(0)}/s`,
      reference: '—',
    },
  ]),
  {
    path: ['http', 'load_stack_peak_rss_mb'],
    label: 'load: serverless-offline peak RSS (process tree: workers, esbuild)',
    show: (v) => `${v} MB`,
    reference: '—',
  },
];
