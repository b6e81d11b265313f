import autocannon from 'autocannon';
import { median, percentile, round } from './stats';

export interface HttpLoad {
  connections: number;
  durationS: number;
  /** An unmeasured run first, same connections: serverless-offline loads each handler on first use. */
  warmupS: number;
}

/** The figures of one route, keyed `<route>_<figure>` in results.http. */
export type HttpLoadFigures = Record<string, number>;

/** What every request sends: a GET by default; a POST with its body and content type. */
export interface HttpLoadRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const GET: HttpLoadRequest = { method: 'GET' };

/** One autocannon run; `onResponse` sees every response's own time (ms, fractional) and status. */
function run(
  url: string,
  load: HttpLoad,
  durationS: number,
  request: HttpLoadRequest,
  onResponse?: (ms: number, status: number) => void,
) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, ...request, connections: load.connections, duration: durationS, timeout: 10 };
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(ms, status));
  });
}

/**
 * Load on one route (GET, or POST with a body) with autocannon (127.0.0.1 only, a few connections, a bounded duration):
 * latency percentiles from every response's own time (autocannon's histogram keeps whole
 * milliseconds), requests per second, and errors, timeouts and non-2xx answers counted.
 */
export async function measureHttpLoad(
  url: string,
  load: HttpLoad,
  check: (status: number, body: string) => string | undefined,
  prefix: string,
  request = GET,
): Promise<HttpLoadFigures> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`refusing to load ${url}: 127.0.0.1 only`);
  const first = await fetch(url, request);
  const wrong = check(first.status, await first.text());
  if (wrong) throw new Error(`${request.method} ${url} answered wrongly: ${wrong}`);
  await run(url, load, load.warmupS, request);

  const samples: number[] = [];
  const result = await run(url, load, load.durationS, request, (ms) => samples.push(ms));
  if (samples.length === 0) throw new Error(`no answers from ${url} in ${load.durationS} s`);
  return {
    [`${prefix}_p50_ms`]: round(median(samples), 2),
    [`${prefix}_p99_ms`]: round(percentile(samples, 99), 2),
    [`${prefix}_rps`]: round(result.requests.average, 1),
    [`${prefix}_requests`]: samples.length,
    [`${prefix}_errors`]: result.errors,
    [`${prefix}_timeouts`]: result.timeouts,
    [`${prefix}_non2xx`]: result.non2xx,
    [`${prefix}_connections`]: load.connections,
    [`${prefix}_duration_s`]: round(result.duration, 2),
  };
}
