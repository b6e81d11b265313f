import { attempt, type BenchResults, type FigureName, markUnmeasured } from './bench-results';
import { trainOnStack } from './bench-stack';
import { bundleHandler } from './bundle-handler';
import { httpApiGetEvent, okJsonBody } from './http-api-event';
import { measureColdStart, measureWarmHandler } from './measure-cold-start';
import { measureHttpLoad } from './measure-http-load';
import { measureRainDomain } from './measure-rain-domain';
import { latestMetadata, type ModelPhaseRuns, type StackContext, withTempDir } from './stack-context';

const QUERY = { city: 'Seattle', precipitation: '2', temp_max: '12', temp_min: '6', wind: '3' };
const METRICS = ['auc', 'accuracy', 'brier', 'baseline_persistence_accuracy', 'baseline_always_dry_accuracy'];
const COLD = ['cold_start_ms', 'cold_start_in_child_ms', 'cold_start_handler_loaded_ms', 'node_boot_ms'];
const DOMAIN = ['warm_no_log_p50_us', 'warm_no_log_p99_us', 'predict_p50_us', 'predict_p99_us', 'log_write_p50_us'];
const WARM = ['warm_p50_us', 'warm_p99_us'];
const HTTP = ['p50_ms', 'p99_ms', 'rps', 'errors', 'non2xx'].map((f) => `http.rain_forecast_${f}` as const);
/** The parts of the rain model's metadata.json the bench reads. */
interface RainMetadata {
  metrics?: { auc?: number };
  split?: { testRows?: number };
  trainingMs?: number;
}
const rain = (keys: string[]): FigureName[] => keys.map((k) => `rain.${k}` as const);
/** Every rain figure with a row in the table. */
export const RAIN_FIGURES: FigureName[] = [...rain([...METRICS, ...DOMAIN, ...COLD, ...WARM]), ...HTTP];

/** A forecast for Seattle with a probability, equal to the in-process one when there is one. */
function checkForecast(result: unknown, expected?: number): string | undefined {
  const { body, wrong } = okJsonBody(result);
  if (!body) return wrong;
  const place = body.place as { name?: string } | undefined;
  if (place?.name !== 'Seattle') return `forecast for ${JSON.stringify(place)}, not Seattle`;
  const p = body.probability;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) return `probability ${String(p)}`;
  if (expected !== undefined && p !== expected) return `probability ${p}, in-process ${expected}`;
  return undefined;
}

/**
 * rain: trains `{"model":"rain"}` through the stack (ml-train's own test-set metrics), then the
 * in-process warm path, cold starts and a warm child of the bundled rain-forecast handler, and
 * load on `GET /rain-forecast` through serverless-offline.
 */
export async function measureRain(results: BenchResults, ctx: StackContext, runs: ModelPhaseRuns): Promise<void> {
  const { log } = ctx;
  log('invoking ml-train {"model":"rain"} through the stack…');
  const trained = await attempt(results, rain(METRICS), 'rain training', log, async () => {
    const summary = await trainOnStack(ctx.stack, 'rain');
    const metadata = (await latestMetadata(ctx.models, 'rain')) as RainMetadata;
    if (metadata.metrics?.auc !== summary.metrics.auc)
      throw new Error("metadata.json's AUC differs from ml-train's answer");
    return { ...summary, metadata };
  });
  if (!trained) {
    markUnmeasured(results, rain([...DOMAIN, ...COLD, ...WARM]).concat(HTTP), 'no rain model: training failed');
    return;
  }
  const figures: Record<string, number | undefined> = {
    ...trained.metrics,
    baseline_persistence_accuracy: trained.baselines?.persistence_accuracy,
    baseline_always_dry_accuracy: trained.baselines?.always_dry_accuracy,
  };
  for (const key of METRICS) results.rain[key] = figures[key] ?? null;
  results.rain.model_version = trained.version;
  results.rain.test_rows = trained.metadata.split?.testRows ?? null;
  results.rain.train_in_function_ms = trained.metadata.trainingMs ?? null;
  log(`ml-train published rain@${trained.version}: AUC ${trained.metrics.auc}, accuracy ${trained.metrics.accuracy}`);

  const event = httpApiGetEvent('/rain-forecast', QUERY);
  await withTempDir('bench-rain-', async (bundleDir) => {
    log('bundling rain-forecast with esbuild (+ cities.gaz from esbuild-gazetteer.cjs)…');
    const bundled = rain([...DOMAIN, ...COLD, ...WARM]);
    const handlerFile = await attempt(results, bundled, 'rain bundle', log, () =>
      bundleHandler('rain-forecast', bundleDir),
    );
    if (!handlerFile) return;

    log(`rain-forecast in-process: ${runs.domain} forecasts without the S3 log, ${runs.domain} predictions alone…`);
    const domainRuns = { runs: runs.domain, warmup: runs.domainWarmup, logRuns: 200 };
    const domain = await attempt(results, rain(DOMAIN), 'rain in-process', log, () =>
      measureRainDomain(event, { models: ctx.models, bundleDir }, domainRuns),
    );
    if (domain) Object.assign(results.rain, domain.figures);

    const check = (r: unknown) => checkForecast(r, domain?.probability);
    const setup = { handlerFile, env: ctx.childEnv, event, ortFrom: ctx.ortFrom, check };
    const cold = await attempt(results, rain(COLD), 'rain cold start', log, () =>
      measureColdStart(setup, runs.coldStart, log, 'rain cold start'),
    );
    if (cold) Object.assign(results.rain, cold);

    const { warmup, runs: n } = runs.handlerWarm;
    log(`rain-forecast handler, warm child: ${warmup} + ${n} calls (each writes its forecast to S3)…`);
    const warm = await attempt(results, rain(WARM), 'rain warm handler', log, () =>
      measureWarmHandler(setup, runs.handlerWarm),
    );
    if (warm) Object.assign(results.rain, { warm_p50_us: warm.p50Us, warm_p99_us: warm.p99Us, warm_runs: warm.runs });
  });

  const url = `${ctx.stack.httpUrl}/rain-forecast?${new URLSearchParams(QUERY)}`;
  const { connections, durationS } = runs.http;
  log(`GET /rain-forecast with autocannon: ${connections} connections, ${durationS} s…`);
  const http = await attempt(results, HTTP, 'rain HTTP', log, () =>
    measureHttpLoad(url, runs.http, (status, body) => checkForecast({ statusCode: status, body }), 'rain_forecast'),
  );
  if (http) Object.assign(results.http, http);
}
