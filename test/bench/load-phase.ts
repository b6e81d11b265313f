import autocannon from 'autocannon';
import type { LocalStack } from '../../packages/local-stack/src';
import { describeRss, processTreeRss } from '../support/process-tree-rss';
import { attempt, type BenchResults, type FigureName } from './bench-results';
import { HOUSING_CSV_ROW } from './invocations-phase';
import { median, percentile, round } from './stats';

/** Issue 8's load: 10,000 requests a route at 50 connections, every answer's real status checked. */
export const LOAD = { requests: 10_000, connections: 50, timeoutS: 30 };

export interface LoadRoute {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The body's type: JSON unless said. */
  contentType?: string;
  /** The model the route serves, trained in this run; none for GET /models. */
  model?: string;
}

/** One route of each function behind the HTTP API: GET /models, and those of the `models` given. */
export function loadRoutes(image: number[], models: readonly string[]): LoadRoute[] {
  const routes: LoadRoute[] = [
    {
      name: 'digits',
      model: 'digits',
      method: 'POST',
      path: '/digits/predict',
      body: JSON.stringify({ images: [image] }),
    },
    { name: 'rain', model: 'rain', method: 'GET', path: '/rain-forecast?city=Seattle&date=2015-03-01' },
    { name: 'stores', model: 'stores', method: 'GET', path: '/stores/nearest?lat=39.153198&long=-77.066176&k=3' },
    { name: 'models', method: 'GET', path: '/models' },
    // Last, so the routes before it load the same stack as in runs before it was added.
    {
      name: 'invocations',
      model: 'housing',
      method: 'POST',
      path: '/endpoints/housing/invocations',
      body: HOUSING_CSV_ROW,
      contentType: 'text/csv',
    },
  ];
  return routes.filter((route) => route.model === undefined || models.includes(route.model));
}

export const loadFigures = (routes: LoadRoute[]): FigureName[] => [
  ...routes.flatMap((r): FigureName[] => [`http.load_${r.name}_failures`, `http.load_${r.name}_p99_ms`]),
  'http.load_stack_peak_rss_mb',
];

/**
 * A failure is anything but a 200 whose body is the function's own answer: a socket error, a
 * timeout, any other status, or serverless-offline's 200 carrying `errorMessage` (how it used to
 * report a Lambda timeout on an HTTP API route).
 */
async function loadRoute(url: string, route: LoadRoute) {
  let failures = 0;
  /** Failures by status and error type, e.g. `503 S3UnavailableError`. */
  const kinds: Record<string, number> = {};
  const samples: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: LOAD.connections,
        amount: LOAD.requests,
        timeout: LOAD.timeoutS,
        requests: [
          {
            method: route.method,
            path: route.path,
            body: route.body,
            headers: route.body ? { 'content-type': route.contentType ?? 'application/json' } : {},
            onResponse: (status, body) => {
              if (status === 200 && !body.includes('"errorMessage"')) return;
              failures += 1;
              const kind = `${status} ${/"type":"(\w+)"|"errorType":"(\w+)"/.exec(body)?.slice(1).find(Boolean) ?? ''}`;
              kinds[kind] = (kinds[kind] ?? 0) + 1;
            },
          },
        ],
      },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  });
  const unanswered = result.errors + result.timeouts;
  if (result.errors > 0) kinds['socket error'] = result.errors;
  if (result.timeouts > 0) kinds[`no answer in ${LOAD.timeoutS} s`] = result.timeouts;
  return {
    kinds,
    requests: samples.length + unanswered,
    failures: failures + unanswered,
    p50: round(median(samples), 2),
    p99: round(percentile(samples, 99), 2),
    rps: round(result.requests.average, 1),
  };
}

/** Samples a process tree's total RSS every 200 ms until stopped; returns the peak in MB. */
function samplePeakRss(pid: number): { stop: () => number } {
  const sample = () => describeRss(processTreeRss(pid)).totalMb;
  let peak = sample();
  const timer = setInterval(() => {
    peak = Math.max(peak, sample());
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, sample());
    },
  };
}

/** Every route under load in turn, with the peak RSS of serverless-offline's whole process tree. */
export async function measureLoad(
  results: BenchResults,
  stack: LocalStack,
  routes: LoadRoute[],
  log: (line: string) => void,
): Promise<void> {
  if (stack.offlinePid === undefined) throw new Error('no serverless-offline process to measure');
  const rss = samplePeakRss(stack.offlinePid);
  try {
    for (const route of routes) {
      log(`${route.method} ${route.path}: ${LOAD.requests} requests at ${LOAD.connections} connections…`);
      const figures = await attempt(results, [`http.load_${route.name}_failures`], `${route.name} load`, log, () =>
        loadRoute(`${stack.httpUrl}${route.path}`, route),
      );
      if (!figures) continue;
      const prefix = `load_${route.name}`;
      Object.assign(results.http, {
        [`${prefix}_requests`]: figures.requests,
        [`${prefix}_failures`]: figures.failures,
        [`${prefix}_p50_ms`]: figures.p50,
        [`${prefix}_p99_ms`]: figures.p99,
        [`${prefix}_rps`]: figures.rps,
        [`${prefix}_failure_kinds`]: figures.kinds,
      });
      const kinds = Object.entries(figures.kinds).map(([kind, n]) => `${n} × ${kind}`);
      log(
        `  ${figures.failures} failures${kinds.length ? ` (${kinds.join(', ')})` : ''}, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.rps} req/s`,
      );
    }
  } finally {
    results.http.load_stack_peak_rss_mb = rss.stop();
    results.http.load_connections = LOAD.connections;
  }
}
