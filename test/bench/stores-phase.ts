import { measureFindNearest, type Store, StoreIndexCache } from '../../functions/nearest-store/src';
import { ModelCache, ModelStore } from '../../packages/model-store/src';
import { attempt, type BenchResults, type FigureName, markUnmeasured } from './bench-results';
import { trainOnStack } from './bench-stack';
import { bundleHandler } from './bundle-handler';
import { httpApiGetEvent, okJsonBody } from './http-api-event';
import { measureColdStart, measureWarmHandler } from './measure-cold-start';
import { measureHttpLoad } from './measure-http-load';
import { type ModelPhaseRuns, type StackContext, withTempDir } from './stack-context';
import { bruteForceNearest, measureAgreement } from './stores-agreement';

const QUERY = { lat: '39.153198', long: '-77.066176', k: '3' };
/** k of the agreement check and of the per-query timing: the API's default. */
const K = 5;
const COLD = ['cold_start_ms', 'cold_start_in_child_ms', 'cold_start_handler_loaded_ms', 'node_boot_ms'];
const WARM = ['handler_warm_p50_us', 'handler_warm_p99_us'];
const HTTP = ['p50_ms', 'p99_ms', 'rps', 'errors', 'non2xx'].map((f) => `http.stores_nearest_${f}` as const);
const stores = (keys: string[]): FigureName[] => keys.map((k) => `stores.${k}` as const);
const MEASURED = ['agreement', 'query_p50_us', 'query_p99_us', ...COLD, ...WARM];
/** Every stores figure with a row in the table. */
export const STORES_FIGURES: FigureName[] = [...stores(['count', ...MEASURED]), ...HTTP];

/** The 3 stores nearest to QUERY, by the brute-force haversine search over the catalog. */
function checkNearest(result: unknown, expectedIds: string[]): string | undefined {
  const { body, wrong } = okJsonBody(result);
  if (!body) return wrong;
  const ids = Array.isArray(body.stores) ? body.stores.map((s: { id?: unknown }) => s.id) : [];
  if (expectedIds.length > 0 && ids.join(',') !== expectedIds.join(','))
    return `stores ${ids.join(',')}, brute force ${expectedIds.join(',')}`;
  return ids.length === 3 ? undefined : `${ids.length} stores, expected 3`;
}

/**
 * stores: trains `{"model":"stores"}` through the stack, checks the served model against a
 * brute-force haversine search, times the domain in-process, the bundled nearest-store handler
 * cold and warm, and load on `GET /stores/nearest` through serverless-offline.
 */
export async function measureStores(
  results: BenchResults,
  ctx: StackContext,
  runs: ModelPhaseRuns & { agreementQueries: number },
): Promise<void> {
  const { log } = ctx;
  log('invoking ml-train {"model":"stores"} through the stack…');
  const trained = await attempt(results, stores(['count']), 'stores training', log, () =>
    trainOnStack(ctx.stack, 'stores'),
  );
  if (!trained) {
    markUnmeasured(results, [...stores(MEASURED), ...HTTP], 'no stores model: training failed');
    return;
  }
  results.stores.count = trained.metrics.count ?? null;
  results.stores.model_version = trained.version;
  log(`ml-train published stores@${trained.version} with ${trained.metrics.count} stores`);

  // The function's own ports: ModelCache and the catalog cache, reading this stack's S3.
  const store = new ModelStore(ctx.models);
  const inProcess = stores(['agreement', 'query_p50_us', 'query_p99_us']);
  const index = await attempt(results, inProcess, 'stores model in-process', log, () =>
    new StoreIndexCache(new ModelCache(store, 'stores', 5000, () => {}), store).get(),
  );
  const expectedIds = index ? nearestIds(index.catalog) : [];
  if (index) {
    log(`stores agreement: ${runs.agreementQueries} random points, k=${K}, model vs brute-force haversine…`);
    const checked = await attempt(results, stores(['agreement']), 'stores agreement', log, async () =>
      measureAgreement(index, runs.agreementQueries, K),
    );
    if (checked) {
      const { agreement, agreed, queries, k, maxDiffKm, examples } = checked;
      Object.assign(results.stores, { agreement, agreement_agreed: agreed, agreement_queries: queries });
      Object.assign(results.stores, { agreement_k: k, agreement_max_diff_km: maxDiffKm });
      results.stores.agreement_mismatch_examples = examples;
    }

    log(`stores in-process: findNearestStores × ${runs.domain} (k=${K})…`);
    const timing = await attempt(results, stores(['query_p50_us', 'query_p99_us']), 'stores in-process', log, () =>
      measureFindNearest(index, runs.domain, K),
    );
    if (timing) {
      const { p50Us, p99Us, meanUs, queries, k } = timing;
      Object.assign(results.stores, { query_p50_us: p50Us, query_p99_us: p99Us, query_mean_us: meanUs });
      Object.assign(results.stores, { query_runs: queries, query_k: k });
    }
  }

  const event = httpApiGetEvent('/stores/nearest', QUERY);
  await withTempDir('bench-stores-', async (bundleDir) => {
    log('bundling nearest-store with esbuild…');
    const handlerFile = await attempt(results, stores([...COLD, ...WARM]), 'stores bundle', log, () =>
      bundleHandler('nearest-store', bundleDir),
    );
    if (!handlerFile) return;
    const check = (r: unknown) => checkNearest(r, expectedIds);
    const setup = { handlerFile, env: ctx.childEnv, event, ortFrom: ctx.ortFrom, check };
    const cold = await attempt(results, stores(COLD), 'stores cold start', log, () =>
      measureColdStart(setup, runs.coldStart, log, 'stores cold start'),
    );
    if (cold) Object.assign(results.stores, cold);

    log(`nearest-store handler, warm child: ${runs.handlerWarm.warmup} + ${runs.handlerWarm.runs} calls…`);
    const warm = await attempt(results, stores(WARM), 'stores warm handler', log, () =>
      measureWarmHandler(setup, runs.handlerWarm),
    );
    if (warm) {
      const { p50Us, p99Us, runs: n } = warm;
      Object.assign(results.stores, { handler_warm_p50_us: p50Us, handler_warm_p99_us: p99Us, handler_warm_runs: n });
    }
  });

  const url = `${ctx.stack.httpUrl}/stores/nearest?${new URLSearchParams(QUERY)}`;
  log(`GET /stores/nearest with autocannon: ${runs.http.connections} connections, ${runs.http.durationS} s…`);
  const http = await attempt(results, HTTP, 'stores HTTP', log, () =>
    measureHttpLoad(
      url,
      runs.http,
      (status, body) => checkNearest({ statusCode: status, body }, expectedIds),
      'stores_nearest',
    ),
  );
  if (http) Object.assign(results.http, http);
}

/** The ids the handler must answer for QUERY. */
function nearestIds(catalog: Store[]): string[] {
  const nearest = bruteForceNearest(catalog, Number(QUERY.lat), Number(QUERY.long), Number(QUERY.k));
  return nearest.map((n) => catalog[n.index].id);
}
