import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { median, round } from './stats';

export interface ColdStartFigures {
  cold_start_ms: number;
  cold_start_in_child_ms: number;
  cold_start_handler_loaded_ms: number;
  node_boot_ms: number;
  cold_start_runs: number;
  cold_start_samples_ms: number[];
  cold_start_ort_from: string;
}

export interface ColdStartSetup {
  handlerFile: string;
  /** The function's environment: buckets, S3 endpoint and credentials, NODE_PATH. */
  env: Record<string, string>;
  image: number[];
  /** The in-process prediction for `image`, when there is one to compare with. */
  expectedLabel?: number;
  ortFrom: string;
}

interface ChildRun {
  spawnToResultMs: number;
  inChildMs: number;
  loadedMs: number;
}

const CHILD = path.join(__dirname, 'cold-start-child.cjs');

/** One fresh `node`; `empty` runs a child that reports at once (Node's boot alone, no handler). */
function runChild(setup: ColdStartSetup, empty: boolean, timeoutMs = 30_000): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Only the function's variables (plus PATH): nothing from this shell leaks into the "container".
    const args = empty ? [CHILD, '--empty'] : [CHILD, setup.handlerFile, JSON.stringify(setup.image)];
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', ...setup.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    let settled = false;
    const finish = (error: Error | undefined, run?: ChildRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
      } else if (run) resolve(run);
    };
    const timer = setTimeout(() => finish(new Error(`cold-start child gave no result in ${timeoutMs} ms`)), timeoutMs);
    createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('BENCH_RESULT ')) {
        output.push(line);
        return;
      }
      const spawnToResultMs = performance.now() - started;
      const result = JSON.parse(line.slice('BENCH_RESULT '.length)) as {
        error?: string;
        loadedMs: number;
        resultMs: number;
        label: number;
      };
      if (result.error)
        return finish(new Error(`cold-start child failed: ${result.error}\n${output.slice(-10).join('\n')}`));
      if (!empty && setup.expectedLabel !== undefined && result.label !== setup.expectedLabel) {
        return finish(
          new Error(`cold-start child predicted ${result.label}, in-process ONNX Runtime ${setup.expectedLabel}`),
        );
      }
      finish(undefined, { spawnToResultMs, inChildMs: result.resultMs, loadedMs: result.loadedMs });
    });
    child.once('error', (error) => finish(error));
    // 'close', not 'exit': 'exit' can come before the last stdout line has been read.
    child.once('close', (code) =>
      finish(new Error(`cold-start child exited (code ${code}) without a result:\n${output.slice(-10).join('\n')}`)),
    );
  });
}

/**
 * Spawns a fresh `node` per run on the bundled handler: it loads config, creates its S3 client,
 * fetches the model pointer and model from S3, creates the ONNX session and predicts one image.
 */
export async function measureColdStart(
  setup: ColdStartSetup,
  runs: number,
  log: (line: string) => void,
): Promise<ColdStartFigures> {
  const samples: ChildRun[] = [];
  const boots: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both see the same machine load.
    boots.push((await runChild(setup, true)).spawnToResultMs);
    const run = await runChild(setup, false);
    log(
      `cold start ${i + 1}/${runs}: ${run.spawnToResultMs.toFixed(0)} ms from spawn (${run.inChildMs.toFixed(0)} ms in the child; empty node ${boots[i].toFixed(0)} ms)`,
    );
    samples.push(run);
  }
  return {
    cold_start_ms: round(median(samples.map((s) => s.spawnToResultMs)), 1),
    cold_start_in_child_ms: round(median(samples.map((s) => s.inChildMs)), 1),
    cold_start_handler_loaded_ms: round(median(samples.map((s) => s.loadedMs)), 1),
    node_boot_ms: round(median(boots), 1),
    cold_start_runs: runs,
    cold_start_samples_ms: samples.map((s) => round(s.spawnToResultMs, 1)),
    cold_start_ort_from: setup.ortFrom,
  };
}
