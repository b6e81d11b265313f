import path from 'node:path';
import { attempt, type BenchResults, type FigureName, markUnmeasured } from './bench-results';
import { REPO_DIR } from './digits-data';
import type { HousingAlgorithmFigures } from './measure-housing';
import { runProcess } from './run-command';
import { HOUSING_ALGORITHMS, type HousingAlgorithm } from './sklearn-figures';

const SCRIPT = path.join(__dirname, 'measure-housing.ts');
// The MLP's fit is ~20 s of CPU; on a machine shared with other work, several times that.
const TIMEOUT_MS = 10 * 60_000;
const KEYS: (keyof HousingAlgorithmFigures)[] = [
  'r2',
  'rmse',
  'mae',
  'train_ms',
  'train_runs',
  'train_first_ms',
  'train_export_evaluate_cpu_ms',
  'predict4128_ms',
  'predict4128_median_ms',
  'predict4128_runs',
  'single_p50_us',
  'single_p99_us',
  'single_runs',
  'onnx_bytes',
  'onnx_max_rel_diff_vs_trainer',
  'mean_baseline_rmse',
];
/** Every housing figure this phase writes with a row in the table (`housing.<algorithm>` holds an object). */
export const HOUSING_FIGURES: FigureName[] = [
  'housing.mean_baseline_rmse',
  ...HOUSING_ALGORITHMS.map((a): FigureName => `housing.${a}`),
];

interface ChildOutput {
  /** The keys of HousingAlgorithmFigures. */
  figures: Record<string, number>;
  description: string;
  trainSamplesMs: number[];
}

/** The script's JSON for one algorithm, every figure checked to be a finite number. */
function readChildOutput(stdout: string, algorithm: HousingAlgorithm): ChildOutput {
  const parsed: {
    results?: Record<string, Record<string, unknown>>;
    descriptions?: Record<string, unknown>;
    train_samples_ms?: Record<string, unknown>;
  } = JSON.parse(stdout);
  const raw = parsed.results?.[algorithm];
  if (!raw) throw new Error(`measure-housing.ts printed no results for ${algorithm}`);
  const figures: Record<string, number> = {};
  for (const key of KEYS) {
    const value = raw[key];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`measure-housing.ts: ${algorithm}.${key} is ${JSON.stringify(value)}`);
    figures[key] = value;
  }
  const description = parsed.descriptions?.[algorithm];
  const samples = parsed.train_samples_ms?.[algorithm];
  const trainSamplesMs = Array.isArray(samples) ? samples.filter((v): v is number => typeof v === 'number') : [];
  return { figures, description: typeof description === 'string' ? description : algorithm, trainSamplesMs };
}

/** Runs measure-housing.ts for one algorithm in a fresh Node process: its JIT and heap are its own. */
async function runChild(algorithm: HousingAlgorithm): Promise<ChildOutput> {
  const args = ['--import', 'tsx', SCRIPT, path.join(REPO_DIR, 'data/housing.csv'), algorithm];
  const stdout = await runProcess(process.execPath, args, { cwd: REPO_DIR, timeoutMs: TIMEOUT_MS });
  return readChildOutput(stdout, algorithm);
}

/**
 * housing: each algorithm with its defaults on the full split, one fresh child process each
 * (measure-housing.ts): test-set R², RMSE and MAE of the exported model in ONNX Runtime, the
 * training time (median of as many fits as scikit-learn's), batch and single-row ONNX Runtime
 * latency, ONNX size. A failed algorithm is null with the reason; the others go on.
 */
export async function measureHousing(results: BenchResults, log: (line: string) => void): Promise<void> {
  for (const algorithm of HOUSING_ALGORITHMS) {
    log(`housing ${algorithm}: training and ONNX Runtime latency in a fresh child process…`);
    const measured = await attempt(results, [`housing.${algorithm}`], `housing ${algorithm}`, log, () =>
      runChild(algorithm),
    );
    if (!measured) continue;
    const { mean_baseline_rmse: baseline, ...figures } = measured.figures;
    results.housing[algorithm] = figures;
    results.housing[`${algorithm}_description`] = measured.description;
    results.housing[`${algorithm}_train_samples_ms`] = measured.trainSamplesMs;
    results.housing.mean_baseline_rmse ??= baseline;
    const f = figures;
    log(
      `  R² ${f.r2}, RMSE ${f.rmse} USD; train ${f.train_ms} ms (median of ${f.train_runs}, first ${f.train_first_ms} ms); ` +
        `4128 rows ${f.predict4128_ms} ms; 1 row p50 ${f.single_p50_us} µs; ${f.onnx_bytes} bytes`,
    );
  }
  if (results.housing.mean_baseline_rmse === undefined)
    markUnmeasured(results, ['housing.mean_baseline_rmse'], 'every housing algorithm failed');
}
