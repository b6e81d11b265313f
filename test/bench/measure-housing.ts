/**
 * Trains housing algorithms with their defaults on the full split and prints one JSON object
 * (progress on stderr): test figures, training time, ONNX Runtime batch and single-row latency,
 * ONNX size. The bench runs it once per algorithm, each in a fresh process (housing-phase.ts).
 * Usage: tsx test/bench/measure-housing.ts [housing.csv] [algorithm,…]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { housingOnnxInputs, runHousingSession } from '../../functions/ml-train/src/housing/evaluate-housing-onnx';
import { HOUSING_ALGORITHMS, type HousingAlgorithmName } from '../../functions/ml-train/src/housing/housing-algorithms';
import {
  type HousingRows,
  parseHousingCsv,
  selectRows,
  splitHousingRows,
} from '../../functions/ml-train/src/housing/housing-dataset';
import { trainHousingModel } from '../../functions/ml-train/src/housing/train-housing-model';
import { createSession, loadOrt } from '../../packages/onnx/src';
import { median, percentile, round, timeRuns } from './stats';

// As many fits as sklearn_reference.py times for the same algorithm (the slow ones once), so
// `train_ms` and scikit-learn's `fit_ms` are medians of the same counts.
const TRAIN_RUNS: Record<HousingAlgorithmName, number> = { linear: 5, forest: 1, gbm: 3, mlp: 1 };
const BATCH = { runs: 10, warmup: 2 };
const SINGLE = { runs: 2000, warmup: 200, rows: 50 };

/** What the script prints for one algorithm; keys as in results.json's `housing.<algorithm>` (the samples beside). */
export interface HousingAlgorithmFigures {
  r2: number;
  rmse: number;
  mae: number;
  /** Median of `train_runs` fits (preprocessing + training, not export or evaluation), wall time. */
  train_ms: number;
  train_runs: number;
  /** The first fit in this fresh process: what a cold ml-train container pays. */
  train_first_ms: number;
  /** CPU time of the first trainHousingModel (training, export and evaluation): steadier on a busy machine. */
  train_export_evaluate_cpu_ms: number;
  /** Best of `predict4128_runs` batches of the 4128 test rows (scikit-learn's figure is a best of 5 too). */
  predict4128_ms: number;
  predict4128_median_ms: number;
  predict4128_runs: number;
  /** session.run on one row (inputs built beforehand), p50 and p99 of `single_runs`. */
  single_p50_us: number;
  single_p99_us: number;
  single_runs: number;
  onnx_bytes: number;
  onnx_max_rel_diff_vs_trainer: number;
  /** Always predicting the training mean (the same for every algorithm). */
  mean_baseline_rmse: number;
}

/** Batch latency over the test rows and the latency of session.run on one row. */
async function latency(onnx: Uint8Array, test: HousingRows) {
  const ort = loadOrt();
  const session = await createSession(onnx);
  try {
    const batch = await timeRuns(() => runHousingSession(session, test), BATCH.runs, BATCH.warmup);
    // Spread over the test set, so no single row's path through the trees flatters the figure.
    const singles = Array.from({ length: SINGLE.rows }, (_, i) =>
      housingOnnxInputs(
        ort,
        selectRows(test, (r) => r === (i * 83) % test.count),
      ),
    );
    const single = await timeRuns((i) => session.run(singles[i % singles.length]), SINGLE.runs, SINGLE.warmup);
    return { batch, singleUs: single.map((ms) => ms * 1000) };
  } finally {
    await session.release();
  }
}

async function measure(rows: HousingRows, algorithm: HousingAlgorithmName) {
  const log = (m: string) => process.stderr.write(`${algorithm}: ${m}\n`);
  const cpuBefore = process.cpuUsage();
  const trained = await trainHousingModel({ rows, algorithm, log });
  const cpu = process.cpuUsage(cpuBefore);
  const fits = [trained.trainMs];
  for (let run = 1; run < TRAIN_RUNS[algorithm]; run++)
    fits.push((await trainHousingModel({ rows, algorithm })).trainMs);
  const { test } = splitHousingRows(rows);
  const { batch, singleUs } = await latency(trained.onnx, test);
  const figures: HousingAlgorithmFigures = {
    r2: round(trained.metrics.r2, 4),
    rmse: Math.round(trained.metrics.rmse),
    mae: Math.round(trained.metrics.mae),
    train_ms: round(median(fits), 1),
    train_runs: fits.length,
    train_first_ms: round(trained.trainMs, 1),
    train_export_evaluate_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    predict4128_ms: round(Math.min(...batch), 3),
    predict4128_median_ms: round(median(batch), 3),
    predict4128_runs: batch.length,
    single_p50_us: round(median(singleUs), 1),
    single_p99_us: round(percentile(singleUs, 99), 1),
    single_runs: singleUs.length,
    onnx_bytes: trained.onnx.length,
    onnx_max_rel_diff_vs_trainer: trained.onnxDrift.maxRelDiff,
    mean_baseline_rmse: Math.round(trained.baselines.predict_mean_rmse),
  };
  return { figures, trainSamplesMs: fits.map((ms) => round(ms, 1)), description: trained.algorithmDescription };
}

async function main() {
  const [file = path.join(__dirname, '../../data/housing.csv'), names] = process.argv.slice(2);
  const isAlgorithm = (name: string): name is HousingAlgorithmName => HOUSING_ALGORITHMS.some((a) => a === name);
  const algorithms = names ? names.split(',').filter(isAlgorithm) : [...HOUSING_ALGORITHMS];
  if (algorithms.length === 0) throw new Error(`algorithms must be among ${HOUSING_ALGORITHMS.join(',')}`);
  const parsed = parseHousingCsv(readFileSync(file, 'utf8'));
  const results: Record<string, HousingAlgorithmFigures> = {};
  const descriptions: Record<string, string> = {};
  const trainSamplesMs: Record<string, number[]> = {};
  for (const algorithm of algorithms) {
    const measured = await measure(parsed.rows, algorithm);
    results[algorithm] = measured.figures;
    descriptions[algorithm] = measured.description;
    trainSamplesMs[algorithm] = measured.trainSamplesMs;
  }
  const { train, test } = splitHousingRows(parsed.rows);
  const dataset = { rows: parsed.dataRows, invalid: parsed.invalid.count, train: train.count, test: test.count };
  // Timings depend on what else runs: the load average says how busy the machine was.
  const machine = { cpus: cpus().length, load_average_1m: round(loadavg()[0], 2), node: process.version };
  process.stdout.write(
    `${JSON.stringify({ dataset, machine, results, descriptions, train_samples_ms: trainSamplesMs }, null, 2)}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
