import { predictHousingOnnx } from '../../functions/ml-train/src/housing/evaluate-housing-onnx';
import { HOUSING_CATEGORIES } from '../../functions/ml-train/src/housing/housing-contract';
import { ModelStore } from '../../packages/model-store/src';
import { attempt, type BenchResults, type FigureName, markUnmeasured } from './bench-results';
import { trainOnStack } from './bench-stack';
import { bundleHandler } from './bundle-handler';
import { httpApiPostEvent, okJsonBody } from './http-api-event';
import { measureColdStart, measureWarmHandler } from './measure-cold-start';
import { measureHttpLoad } from './measure-http-load';
import { type ModelPhaseRuns, type StackContext, withTempDir } from './stack-context';

/** The algorithm the endpoint serves: ml-train's default, the most accurate. */
export const SERVED_ALGORITHM = 'gbm';
// One block group of data/housing.csv (its first row, Berkeley) without the target.
const ROW_NUMBERS = [-122.23, 37.88, 41, 880, 129, 322, 126, 8.3252];
const ROW_CATEGORY = 'NEAR BAY';
/** That block group as a client sends it: one CSV line in the features' order. */
export const HOUSING_CSV_ROW = [...ROW_NUMBERS, ROW_CATEGORY].join(',');
const ROUTE = '/endpoints/{name}/invocations';
const PATH = '/endpoints/housing/invocations';
const HEADERS = { 'content-type': 'text/csv', accept: 'application/json' };
const COLD = ['cold_start_ms', 'cold_start_in_child_ms', 'cold_start_handler_loaded_ms', 'node_boot_ms'];
const WARM = ['handler_single_p50_us', 'handler_single_p99_us'];
const HTTP = ['p50_ms', 'p99_ms', 'rps', 'errors', 'non2xx'].map((f) => `http.invocations_${f}` as const);
const housing = (keys: string[]): FigureName[] => keys.map((k) => `housing.${k}` as const);
/** Every figure of the invocations phase with a row in the table. */
export const INVOCATIONS_FIGURES: FigureName[] = [...housing(['stack_train_r2', ...COLD, ...WARM]), ...HTTP];

export type InvocationsRuns = Pick<ModelPhaseRuns, 'coldStart' | 'handlerWarm' | 'http'>;

/** What ONNX Runtime answers for HOUSING_CSV_ROW with the model the stack serves (float32 USD). */
async function expectedValue(ctx: StackContext): Promise<number> {
  const store = new ModelStore(ctx.models);
  const pointer = await store.latest('housing');
  if (!pointer) throw new Error(`no housing model in s3://${ctx.models.bucket}`);
  const rows = {
    count: 1,
    numeric: Float64Array.from(ROW_NUMBERS),
    category: Uint8Array.of(HOUSING_CATEGORIES.indexOf(ROW_CATEGORY)),
    target: new Float64Array(1),
    rowIndex: new Uint32Array(1),
  };
  const [value] = await predictHousingOnnx(await store.artifact(pointer, 'model.onnx'), rows);
  return value;
}

/** A 200 whose one prediction is ONNX Runtime's float32 answer for the row, written as its shortest decimal. */
function checkPrediction(result: unknown, expected: number): string | undefined {
  const { body, wrong } = okJsonBody(result);
  if (!body) return wrong;
  const predictions = Array.isArray(body.predictions) ? body.predictions : [];
  const [value] = predictions;
  if (predictions.length !== 1 || typeof value !== 'number') return `predictions ${JSON.stringify(body.predictions)}`;
  if (Math.fround(value) !== expected) return `predicted ${value}, in-process ONNX Runtime ${expected}`;
  return body.model === 'housing' ? undefined : `answered by model ${JSON.stringify(body.model)}`;
}

/**
 * The invocations endpoint serving housing: trains `{"model":"housing","algorithm":"gbm"}` through
 * the stack, cold-starts the bundled invocations handler on one CSV row, calls it warm in one child
 * (the in-handler single-row latency), and loads `POST /endpoints/housing/invocations` through
 * serverless-offline with autocannon.
 */
export async function measureInvocations(
  results: BenchResults,
  ctx: StackContext,
  runs: InvocationsRuns,
): Promise<void> {
  const { log } = ctx;
  log(`invoking ml-train {"model":"housing","algorithm":"${SERVED_ALGORITHM}"} through the stack…`);
  const trained = await attempt(results, housing(['stack_train_r2']), 'housing training', log, async () => {
    const summary = await trainOnStack(ctx.stack, 'housing', { algorithm: SERVED_ALGORITHM });
    return { summary, expected: await expectedValue(ctx) };
  });
  if (!trained) {
    markUnmeasured(results, [...housing([...COLD, ...WARM]), ...HTTP], 'no housing model: training failed');
    return;
  }
  const { summary, expected } = trained;
  results.housing.stack_train_r2 = summary.metrics.r2 ?? null;
  results.housing.model_version = summary.version;
  results.housing.served_algorithm = SERVED_ALGORITHM;
  log(`ml-train published housing@${summary.version}: R² ${summary.metrics.r2}; the row → ${expected} USD`);
  const check = (r: unknown) => checkPrediction(r, expected);

  const event = httpApiPostEvent(ROUTE, PATH, { name: 'housing' }, HEADERS, HOUSING_CSV_ROW);
  await withTempDir('bench-invocations-', async (bundleDir) => {
    log('bundling invocations with esbuild…');
    const handlerFile = await attempt(results, housing([...COLD, ...WARM]), 'invocations bundle', log, () =>
      bundleHandler('invocations', bundleDir),
    );
    if (!handlerFile) return;
    const setup = { handlerFile, env: ctx.childEnv, event, ortFrom: ctx.ortFrom, check };
    const cold = await attempt(results, housing(COLD), 'housing cold start', log, () =>
      measureColdStart(setup, runs.coldStart, log, 'housing cold start'),
    );
    if (cold) Object.assign(results.housing, cold);

    log(`invocations handler, warm child: ${runs.handlerWarm.warmup} + ${runs.handlerWarm.runs} one-row CSV calls…`);
    const warm = await attempt(results, housing(WARM), 'housing warm handler', log, () =>
      measureWarmHandler(setup, runs.handlerWarm),
    );
    if (warm) {
      const { p50Us, p99Us, runs: n } = warm;
      Object.assign(results.housing, {
        handler_single_p50_us: p50Us,
        handler_single_p99_us: p99Us,
        handler_single_runs: n,
      });
    }
  });

  const url = `${ctx.stack.httpUrl}${PATH}`;
  const request = { method: 'POST' as const, headers: HEADERS, body: HOUSING_CSV_ROW };
  log(
    `POST ${PATH} (text/csv, 1 row) with autocannon: ${runs.http.connections} connections, ${runs.http.durationS} s…`,
  );
  const http = await attempt(results, HTTP, 'invocations HTTP', log, () =>
    measureHttpLoad(url, runs.http, (status, body) => check({ statusCode: status, body }), 'invocations', request),
  );
  if (http) Object.assign(results.http, http);
}
