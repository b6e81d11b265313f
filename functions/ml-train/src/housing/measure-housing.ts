/**
 * Trains every housing algorithm with its defaults on the full split and prints one JSON object
 * (progress on stderr): test figures, training time, ONNX Runtime batch and single-row latency,
 * ONNX size. Usage: tsx measure-housing.ts [housing.csv] [algorithm,…]
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createSession, loadOrt } from '@serverless-ml/onnx';
import { housingOnnxInputs, runHousingSession } from './evaluate-housing-onnx';
import { HOUSING_ALGORITHMS, type HousingAlgorithmName } from './housing-algorithms';
import { type HousingRows, parseHousingCsv, selectRows, splitHousingRows } from './housing-dataset';
import { trainHousingModel } from './train-housing-model';

const BATCH_RUNS = 5;
const SINGLE_RUNS = 500;
const WARM_UP = 20;

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Best-of-5 batch latency and the p50 of session.run on one row (inputs built beforehand). */
async function latency(onnx: Uint8Array, test: HousingRows) {
  const ort = loadOrt();
  const session = await createSession(onnx);
  try {
    const batch: number[] = [];
    for (let run = 0; run < BATCH_RUNS + 1; run++) {
      const started = performance.now();
      await runHousingSession(session, test);
      if (run > 0) batch.push(performance.now() - started);
    }
    const singles = Array.from({ length: 50 }, (_, i) =>
      housingOnnxInputs(
        ort,
        selectRows(test, (r) => r === (i * 83) % test.count),
      ),
    );
    const single: number[] = [];
    for (let run = 0; run < SINGLE_RUNS + WARM_UP; run++) {
      const started = process.hrtime.bigint();
      await session.run(singles[run % singles.length]);
      if (run >= WARM_UP) single.push(Number(process.hrtime.bigint() - started) / 1000);
    }
    return { batchMs: Math.min(...batch), singleP50Us: median(single) };
  } finally {
    await session.release();
  }
}

async function measure(rows: HousingRows, algorithm: HousingAlgorithmName) {
  const cpuBefore = process.cpuUsage();
  const trained = await trainHousingModel({
    rows,
    algorithm,
    log: (m) => process.stderr.write(`${algorithm}: ${m}\n`),
  });
  const cpu = process.cpuUsage(cpuBefore);
  const { test } = splitHousingRows(rows);
  const { batchMs, singleP50Us } = await latency(trained.onnx, test);
  return {
    algorithm,
    description: trained.algorithmDescription,
    r2: round(trained.metrics.r2, 4),
    rmse: Math.round(trained.metrics.rmse),
    mae: Math.round(trained.metrics.mae),
    train_ms: Math.round(trained.trainMs),
    // Training, export and evaluation together, in CPU time: steadier than wall time on a busy machine.
    train_export_evaluate_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
    onnx_predict_4128_ms: round(batchMs, 2),
    onnx_single_row_p50_us: Math.round(singleP50Us),
    onnx_bytes: trained.onnx.length,
    onnx_max_rel_diff_vs_trainer: trained.onnxDrift.maxRelDiff,
  };
}

async function main() {
  const [path = join(__dirname, '..', '..', '..', '..', 'data', 'housing.csv'), names] = process.argv.slice(2);
  const isAlgorithm = (name: string): name is HousingAlgorithmName => HOUSING_ALGORITHMS.some((a) => a === name);
  const algorithms = names ? names.split(',').filter(isAlgorithm) : [...HOUSING_ALGORITHMS];
  if (algorithms.length === 0) throw new Error(`algorithms must be among ${HOUSING_ALGORITHMS.join(',')}`);
  const parsed = parseHousingCsv(readFileSync(path, 'utf8'));
  const results = [];
  for (const algorithm of algorithms) results.push(await measure(parsed.rows, algorithm));
  const { train, test } = splitHousingRows(parsed.rows);
  const dataset = { rows: parsed.dataRows, invalid: parsed.invalid.count, train: train.count, test: test.count };
  // Timings depend on what else runs: the load average says how busy the machine was.
  const machine = { cpus: cpus().length, load_average_1m: round(loadavg()[0], 2), node: process.version };
  process.stdout.write(`${JSON.stringify({ dataset, machine, results }, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
