// `pnpm bench`: measures digits (training, inference), scikit-learn on the same data (the
// references), the housing regressors, the rain and stores models, cold starts, HTTP and package
// sizes; prints a table and writes .bench/results.json. Exits 1 only when a figure could not be
// measured, not on a missed target. `BENCH_ONLY=housing,sklearn pnpm bench` runs only those phases
// (bench-phases.ts); the others' rows say "not measured".
import path from 'node:path';
import { benchPods } from '../../packages/pods/src/bench-pods';
import { benchSmallPods } from '../../packages/pods/src/bench-small-pods';
import { PHASES, STACK_PHASES, selectPhases } from './bench-phases';
import { attempt, type BenchResults, type FigureName, newResults, writeResults } from './bench-results';
import { deriveFigures } from './derived-figures';
import { type DigitsSplit, loadDigitsSplit, REPO_DIR } from './digits-data';
import { measureHousing } from './housing-phase';
import { measureInference } from './measure-inference';
import { functionZipBytes, layerZipBytes } from './measure-package-sizes';
import { measureTraining } from './measure-training';
import { checkTargets, formatTable } from './report';
import { sklearnPhase } from './sklearn-reference';
import { measureOnStack, stackFigures } from './stack-phase';

// Sized to keep the whole run well under 3 minutes on a 2-core box while the medians stay stable.

// The SDK's notice that its 2027 releases need Node 22 (ours are pinned; Lambda runs 22), once per client.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const RUNS = {
  train: 15,
  batch: 200,
  batchWarmup: 20,
  single: 5000,
  singleWarmup: 500,
  coldStart: 7,
  http: 200,
  jobs: 5,
};
// rain-forecast and nearest-store (rain-phase.ts, stores-phase.ts). Every warm rain call writes
// its forecast to S3 (a few ms), hence fewer of them; nearest-store's handler needs ~1000 calls
// before its JIT settles.
const HTTP_LOAD = { connections: 4, durationS: 5, warmupS: 1 }; // 127.0.0.1 only; 1 s unmeasured, 5 s measured
const MODEL_RUNS = {
  rain: { coldStart: 7, handlerWarm: { warmup: 200, runs: 1000 }, domain: 5000, domainWarmup: 500, http: HTTP_LOAD },
  stores: {
    coldStart: 7,
    handlerWarm: { warmup: 1000, runs: 5000 },
    domain: 5000,
    domainWarmup: 500,
    http: HTTP_LOAD,
    agreementQueries: 5000,
  },
  // The invocations endpoint serving housing (invocations-phase.ts): a handler call is tens of µs.
  housing: { coldStart: 7, handlerWarm: { warmup: 1000, runs: 5000 }, http: HTTP_LOAD },
  // Batch scoring (batch-phase.ts): 1,000,000 rows in 8 shards (~125,000 rows, 7.5 MB each), 1 then 2 at once.
  batch: { rows: 1_000_000, shards: 8, concurrencies: [1, 2], warmupRows: 20_000 },
};
const TRAINING_FIGURES: FigureName[] = ['digits.train_ms', 'digits.train_first_ms'];
const INFERENCE_FIGURES: FigureName[] = [
  'digits.accuracy',
  'digits.correct',
  'digits.batch899_ms',
  'digits.single_p50_us',
  'digits.single_p99_us',
];

const started = performance.now();
const log = (line: string) => console.log(`[bench +${((performance.now() - started) / 1000).toFixed(1)}s] ${line}`);

/** digits in-process, while the bench has started nothing else that competes for the CPU; the predictions. */
async function measureDigits(results: BenchResults, data: DigitsSplit): Promise<number[] | undefined> {
  log(`training the SVC in-process: 1 cold run + ${RUNS.train} warm runs…`);
  const trained = await attempt(results, TRAINING_FIGURES, 'training', log, () => measureTraining(data, RUNS.train));
  if (trained) Object.assign(results.digits, trained.figures);

  log(`ONNX Runtime in-process: accuracy, ${RUNS.batch} batches of ${data.testRows}, ${RUNS.single} single rows…`);
  const inference = await attempt(results, INFERENCE_FIGURES, 'inference', log, async () => {
    if (!trained) throw new Error('no trained model (training failed)');
    const { batch, batchWarmup, single, singleWarmup } = RUNS;
    return measureInference(trained.model, data, { batchRuns: batch, batchWarmup, singleRuns: single, singleWarmup });
  });
  if (inference) Object.assign(results.digits, inference.figures);
  return inference?.predictions;
}

async function measurePackages(results: BenchResults): Promise<void> {
  log('package sizes: layer zip, then `sls package --stage local --param=ort=layer`…');
  const layer = await attempt(results, ['package.layer_zip_bytes'], 'layer build', log, () => layerZipBytes(log));
  if (layer !== undefined) results.package.layer_zip_bytes = layer;
  const zips = await attempt(results, ['package.function_zip_bytes'], 'sls package', log, functionZipBytes);
  if (zips) results.package.function_zip_bytes = zips;
}

async function measurePods(results: BenchResults): Promise<void> {
  log('pods: save and load a 200 MB state through a zip…');
  const pods = await attempt(
    results,
    ['pods.save_mb_per_s', 'pods.load_mb_per_s', 'pods.peak_rss_mb', 'pods.state_mb'],
    'pods',
    log,
    () => benchPods({ log }),
  );
  if (pods) {
    for (const [name, value] of Object.entries(pods)) results.pods[name.replace('pods.', '')] = value;
  }

  log('pods: save and load 20,000 small objects (forecast-like records) through a zip…');
  const smallPods = await attempt(
    results,
    [
      'pods.small_objects_per_s',
      'pods.small_get_floor_per_s',
      'pods.small_put_floor_per_s',
      'pods.small_disk_creates_per_s',
      'pods.small_disk_wait_s',
      'pods.small_peak_rss_mb',
      'pods.small_cpu_ms_per_object',
    ],
    'pods (small objects)',
    log,
    () => benchSmallPods({ log }),
  );
  if (smallPods) {
    for (const [name, value] of Object.entries(smallPods)) results.pods[name.replace('pods.', '')] = value;
  }
}

async function main() {
  const phases = selectPhases(process.env.BENCH_ONLY);
  // serverless-esbuild's work folder (serverless.yml reads it): ours, so a concurrent `pnpm start`
  // or test keeps its own .esbuild/. Under node_modules/ because serverless-offline's watcher
  // ignores only top-level .esbuild, .build, dist and node_modules: a build folder anywhere else
  // (it was .bench/esbuild) matches its `**/*.js` pattern, and every rebuild triggered the next,
  // keeping one of the two cores busy for the whole stack phase.
  process.env.ESBUILD_WORK_FOLDER ??= 'node_modules/.cache/serverless-ml-bench/esbuild';
  const results = newResults();
  if (phases.size < PHASES.length) results.phases = [...phases];
  const m = results.machine;
  log(
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node} ${m.platform}/${m.arch}, load ${m.loadAvg1m}`,
  );
  if (results.phases) log(`BENCH_ONLY: running ${results.phases.join(', ')}`);

  const data = loadDigitsSplit();
  results.digits.total = data.testRows;
  log(`digits: ${data.trainRows.length} training rows, ${data.testRows} test rows`);

  const predictions = phases.has('digits') ? await measureDigits(results, data) : undefined;

  // Also before the stack: the forest and MLP fits keep one core busy for ~15 s each.
  if (phases.has('sklearn')) {
    log('scikit-learn (Debian python3, one thread) on the same digits, housing and rain splits, about a minute…');
    await sklearnPhase(results, log);
  }

  // In fresh child processes, still before the stack: the MLP's fit keeps one core busy for ~20 s.
  if (phases.has('housing')) await measureHousing(results, log);

  if (STACK_PHASES.some((phase) => phases.has(phase))) {
    const image = Array.from(data.testFeatures.subarray(0, data.featureCount));
    const stackOptions = { image, expectedLabel: predictions?.[0], coldStartRuns: RUNS.coldStart, phases };
    await attempt(results, stackFigures(phases), 'embedded stack', log, () =>
      measureOnStack(
        results,
        { ...stackOptions, httpRuns: RUNS.http, httpWarmup: 20, modelRuns: MODEL_RUNS, jobRuns: RUNS.jobs },
        log,
      ),
    );
  }

  if (phases.has('package')) await measurePackages(results);
  if (phases.has('pods')) await measurePods(results);

  deriveFigures(results);
  checkTargets(results);
  // A partial run keeps its own file, so it does not replace the last full run's figures.
  const name = results.phases ? `results.${results.phases.join('+')}.json` : 'results.json';
  const file = writeResults(results, path.join(REPO_DIR, '.bench', name), performance.now() - started);
  console.log(`\nmachine: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}/${m.arch}`);
  console.log(
    `bench took ${results.durationS} s; 1-minute load average ${m.loadAvg1m} before, ${m.loadAvg1mEnd} after`,
  );
  // Only the load before counts: by the end it includes the bench's own processes.
  if (m.loadAvg1m > m.cpus / 2)
    console.log('warning: other processes were using the CPU, so timings are likely inflated');
  console.log(`\n${formatTable(results)}\n\nwrote ${path.relative(process.cwd(), file)}`);
  if (Object.keys(results.unmeasured).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`pnpm bench failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
