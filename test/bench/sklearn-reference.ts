// scikit-learn, the tool users would otherwise pick, measured in the same run on the same data and
// splits (sklearn/sklearn_reference.py), so the table's references are figures of this machine
// and this moment rather than numbers pasted from another study.

import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { featureMatrix, splitByYear } from '../../functions/ml-train/src/rain/rain-dataset';
import { RAIN_TEST_YEAR } from '../../functions/ml-train/src/rain/train-rain';
import { parseWeatherCsv, RAIN_FEATURE_NAMES, rainExamples } from '../../packages/rain-model/src';
import type { BenchResults } from './bench-results';
import { REPO_DIR } from './digits-data';
import { runProcess } from './run-command';
import { parseSklearnFigures, type SklearnFigures } from './sklearn-figures';
import { withTempDir } from './stack-context';

/** Debian's interpreter, where `python3-sklearn` installs (a `python3` first on PATH may be a venv without it). */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const NO_SKLEARN = 'python3-sklearn is not installed (apt-get install python3-sklearn)';
const SCRIPT = path.join(__dirname, 'sklearn/sklearn_reference.py');
// The forest and MLP fits take ~15 s each on an idle 2-core box, the whole script about a minute.
const TIMEOUT_MS = 10 * 60_000;
// Our trainers and ONNX sessions use one thread; the script sets these too, before numpy loads.
const ONE_THREAD = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1', BLIS_NUM_THREADS: '1' };

export type SklearnOutcome = SklearnFigures | { skipped: string };

export interface SklearnOptions {
  python?: string;
  /** Where digits.csv.gz, housing.csv and weather.csv are: data/ by default. */
  dataDir?: string;
  log?: (line: string) => void;
}

function importsSklearn(python: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ['-c', 'import sklearn'], { timeout: 60_000 }, (error) => resolve(error === null));
  });
}

/** Writes the rain train/test feature matrices (our feature code, ml-train's split) and weather.csv into `folder`. */
export function writeRainInputs(dataDir: string, folder: string): void {
  const weather = path.join(dataDir, 'weather.csv');
  const split = splitByYear(rainExamples(parseWeatherCsv(readFileSync(weather, 'utf8'))), RAIN_TEST_YEAR);
  const f = RAIN_FEATURE_NAMES.length;
  const header = [...RAIN_FEATURE_NAMES, 'label'].join(',');
  for (const [file, examples] of [
    ['rain-train.csv', split.train],
    ['rain-test.csv', split.test],
  ] as const) {
    const m = featureMatrix(examples, true);
    const lines = Array.from({ length: m.count }, (_, i) => [...m.rows.subarray(i * f, (i + 1) * f), m.labels[i]]);
    writeFileSync(path.join(folder, file), `${[header, ...lines.map((l) => l.join(','))].join('\n')}\n`);
  }
  copyFileSync(weather, path.join(folder, 'weather.csv'));
}

/** Runs the script; resolves with its stdout, forwards its stderr lines (progress) to `log`. */
function runScript(python: string, args: string[], log: (line: string) => void): Promise<string> {
  return runProcess(python, [SCRIPT, ...args], {
    env: { ...process.env, ...ONE_THREAD },
    timeoutMs: TIMEOUT_MS,
    onStderrLine: (line) => {
      if (line.startsWith('sklearn: ')) log(line);
    },
  });
}

/**
 * scikit-learn's figures on digits, housing and rain, from Debian's python3; `{ skipped }` when
 * that python cannot import sklearn. Throws when the script fails or prints something unexpected.
 */
export async function measureSklearn(options: SklearnOptions = {}): Promise<SklearnOutcome> {
  const { python = SYSTEM_PYTHON, dataDir = path.join(REPO_DIR, 'data'), log = () => {} } = options;
  if (!(await importsSklearn(python))) return { skipped: NO_SKLEARN };
  return withTempDir('bench-sklearn-', async (folder) => {
    writeRainInputs(dataDir, folder);
    const data = (file: string) => path.join(dataDir, file);
    const args = [data('digits.csv.gz'), data('housing.csv'), '--rain-dir', folder];
    return parseSklearnFigures(await runScript(python, args, log));
  });
}

/**
 * The bench phase: fills `results.sklearn`. Without scikit-learn it logs one line and the reference
 * columns show —; a failing script is an unmeasured figure (`unmeasured.sklearn`, exit code 1).
 */
export async function sklearnPhase(results: BenchResults, log: (line: string) => void): Promise<void> {
  try {
    results.sklearn = await measureSklearn({ log });
    if ('skipped' in results.sklearn) log(`scikit-learn skipped: ${results.sklearn.skipped}; reference columns show —`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log(`scikit-learn failed: ${why}`);
    results.sklearn = { skipped: `failed: ${why.split('\n')[0]}` };
    results.unmeasured.sklearn = `scikit-learn failed: ${why.split('\n')[0]}`;
  }
}
