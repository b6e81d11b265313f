import path from 'node:path';
import { createS3Client, ObjectStore } from '../../packages/model-store/src';
import { BATCH_FIGURES, type BatchRuns, measureBatch } from './batch-phase';
import type { Phase } from './bench-phases';
import { attempt, type BenchResults, type FigureName } from './bench-results';
import { startTrainedStack } from './bench-stack';
import { bundleHandler, ortNodePath } from './bundle-handler';
import { REPO_DIR } from './digits-data';
import { INVOCATIONS_FIGURES, type InvocationsRuns, measureInvocations } from './invocations-phase';
import { JOBS_FIGURES, measureJobs } from './jobs-phase';
import { loadFigures, loadRoutes, measureLoad } from './load-phase';
import { measureColdStart } from './measure-cold-start';
import { measureHttp } from './measure-http';
import { measureRain, RAIN_FIGURES } from './rain-phase';
import { type ModelPhaseRuns, type StackContext, withTempDir } from './stack-context';
import { measureStores, STORES_FIGURES } from './stores-phase';

export const COLD_START_FIGURES: FigureName[] = [
  'digits.cold_start_ms',
  'digits.cold_start_in_child_ms',
  'digits.cold_start_handler_loaded_ms',
  'digits.node_boot_ms',
];
export const HTTP_FIGURES: FigureName[] = ['http.digits_predict_p50_ms', 'http.digits_predict_p99_ms'];
const SETTLE_MS = 3000;

/** The models whose routes the load phase loads: those of the selected phases (digits is trained whenever the stack starts). */
function loadedModels(phases: ReadonlySet<Phase>): string[] {
  return (['digits', 'rain', 'stores', 'housing'] as const).filter((model) => phases.has(model));
}

/** What is null, with the reason, when the stack does not start. */
export function stackFigures(phases: ReadonlySet<Phase>): FigureName[] {
  const byPhase: [Phase, FigureName[]][] = [
    ['digits', [...COLD_START_FIGURES, ...HTTP_FIGURES]],
    ['rain', RAIN_FIGURES],
    ['stores', STORES_FIGURES],
    ['housing', INVOCATIONS_FIGURES],
    ['batch', BATCH_FIGURES],
    ['load', loadFigures(loadRoutes([], loadedModels(phases)))],
    ['jobs', JOBS_FIGURES],
  ];
  return byPhase.flatMap(([phase, figures]) => (phases.has(phase) ? figures : []));
}

export interface StackPhaseOptions {
  image: number[];
  /** The in-process prediction for `image`, which every cold start must reproduce. */
  expectedLabel?: number;
  coldStartRuns: number;
  httpRuns: number;
  httpWarmup: number;
  modelRuns: {
    rain: ModelPhaseRuns;
    stores: ModelPhaseRuns & { agreementQueries: number };
    housing: InvocationsRuns;
    batch: BatchRuns;
  };
  /** Housing gbm jobs timed through POST /jobs (jobs-phase.ts). */
  jobRuns: number;
  /** The phases selected (BENCH_ONLY): those among digits, rain, stores, housing and load run here. */
  phases: ReadonlySet<Phase>;
}

// serverless.yml's provider.environment for the stages the embedded stack runs (weatherProvider none).
const PROVIDER_ENV = {
  MODEL_POINTER_TTL_MS: '5000',
  MAX_IMAGES: '1000',
  MAX_K: '50',
  WEATHER_PROVIDER: 'none',
  OPEN_METEO_TIMEOUT_MS: '2500',
};

/** The first prediction's label, or what is wrong with ml-predict's answer. */
function checkDigits(result: unknown, expectedLabel?: number): string | undefined {
  const label = (result as { predictions?: { label?: unknown }[] } | null)?.predictions?.[0]?.label;
  if (typeof label !== 'number') return `unexpected result: ${JSON.stringify(result).slice(0, 300)}`;
  if (expectedLabel !== undefined && label !== expectedLabel)
    return `predicted ${label}, in-process ONNX Runtime ${expectedLabel}`;
  return undefined;
}

/**
 * Everything that needs models in the local S3: cold starts of the bundled ml-predict in fresh
 * Node processes and warm requests through serverless-offline's API Gateway, then the same and
 * more for rain-forecast, nearest-store and the invocations endpoint serving housing
 * (rain-phase.ts, stores-phase.ts, invocations-phase.ts), then every route under load. Only the
 * selected phases run; digits is always trained, as the stack's first model.
 */
export async function measureOnStack(results: BenchResults, o: StackPhaseOptions, log: (line: string) => void) {
  log('starting the embedded stack (s3rver + serverless-offline) on free ports…');
  const trained = await startTrainedStack(log);
  try {
    results.digits.stack_train_correct = trained.trainedCorrect;
    // serverless-offline keeps a core busy for ~2 s after the first invocation (measured with
    // ps): cold starts right away paid for it (digits' cold start +30-80 ms).
    log(`letting serverless-offline settle for ${SETTLE_MS / 1000} s…`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const ort = ortNodePath();
    const childEnv = { ...trained.functionEnv, ...PROVIDER_ENV, NODE_PATH: ort.dir };
    if (o.phases.has('digits'))
      await measureDigitsOnStack(results, o, { childEnv, ort, httpUrl: trained.stack.httpUrl }, log);

    const { functionEnv: env } = trained;
    const s3 = createS3Client({
      region: env.AWS_REGION,
      endpoint: env.S3_ENDPOINT,
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    });
    const models = new ObjectStore(s3, env.MODEL_BUCKET);
    const ctx: StackContext = { stack: trained.stack, childEnv, ortFrom: ort.source, models, log };
    const modelPhases: [Phase, () => Promise<void>][] = [
      ['rain', () => measureRain(results, ctx, o.modelRuns.rain)],
      ['stores', () => measureStores(results, ctx, o.modelRuns.stores)],
      ['housing', () => measureInvocations(results, ctx, o.modelRuns.housing)],
      ['batch', () => measureBatch(results, ctx, o.modelRuns.batch)],
    ];
    for (const [name, phase] of modelPhases) {
      if (!o.phases.has(name)) continue;
      // Each step records its own failures; this catches what escapes them, so the other phase still runs.
      await phase().catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        log(`${name} phase failed: ${why}`);
        results.unmeasured[`${name}.*`] = `${name} phase failed: ${why.split('\n')[0]}`;
      });
    }

    if (o.phases.has('load')) {
      const routes = loadRoutes(o.image, loadedModels(o.phases));
      log(`HTTP load on ${routes.map((r) => r.name).join(', ')}, one after the other…`);
      await attempt(results, loadFigures(routes), 'HTTP load', log, () =>
        measureLoad(results, trained.stack, routes, log),
      );
    }
    if (o.phases.has('jobs')) {
      await attempt(results, JOBS_FIGURES, 'jobs', log, () => measureJobs(results, ctx, o.jobRuns));
    }
  } finally {
    // A stack that does not stop cleanly must not turn the figures measured on it into nulls.
    await trained.stop().catch((error: unknown) => log(`stopping the embedded stack failed: ${String(error)}`));
  }
}

/** digits on the stack: cold starts of the bundled ml-predict, then POST /digits/predict. */
async function measureDigitsOnStack(
  results: BenchResults,
  o: StackPhaseOptions,
  stack: { childEnv: Record<string, string>; ort: ReturnType<typeof ortNodePath>; httpUrl: string },
  log: (line: string) => void,
) {
  const { childEnv, ort, httpUrl } = stack;
  await withTempDir('bench-predict-', async (bundleDir) => {
    const cold = await attempt(results, COLD_START_FIGURES, 'cold start', log, async () => {
      const handlerFile = await bundleHandler('ml-predict', bundleDir);
      const from = `${ort.source} (${path.relative(REPO_DIR, ort.dir)})`;
      log(`bundled ml-predict with esbuild; onnxruntime-node from the ${from}`);
      const check = (result: unknown) => checkDigits(result, o.expectedLabel);
      const child = { handlerFile, event: { images: [o.image] }, check, env: childEnv, ortFrom: ort.source };
      return measureColdStart(child, o.coldStartRuns, log);
    });
    if (cold) Object.assign(results.digits, cold);
  });

  log(`POST /digits/predict × ${o.httpRuns} through serverless-offline…`);
  const http = await attempt(results, HTTP_FIGURES, 'HTTP', log, () =>
    measureHttp(httpUrl, o.image, o.httpRuns, o.httpWarmup),
  );
  if (http) Object.assign(results.http, http);
}
