import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { median, percentile, round } from './stats';

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
  /** The event the handler is called with (a direct invocation or an API Gateway event). */
  event: unknown;
  /** What is wrong with the handler's answer, or undefined when it is the expected one. */
  check: (result: unknown) => string | undefined;
  ortFrom: string;
}

/** Warm calls after the first one, in the same child: unmeasured warm-up, then measured runs. */
export interface WarmRuns {
  warmup: number;
  runs: number;
}

interface ChildRun {
  spawnToResultMs: number;
  inChildMs: number;
  loadedMs: number;
  warmSamplesUs?: number[];
}

interface ChildReport {
  error?: string;
  loadedMs: number;
  resultMs: number;
  result: unknown;
  warmSamplesUs?: number[];
}

const CHILD = path.join(__dirname, 'cold-start-child.cjs');

/** One fresh `node`: `empty` reports at once (Node's boot alone); `warm` keeps calling the handler. */
export function runChild(setup: ColdStartSetup, mode: 'empty' | 'cold' | WarmRuns): Promise<ChildRun> {
  const timeoutMs = typeof mode === 'object' ? 120_000 : 30_000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args =
      mode === 'empty'
        ? [CHILD, '--empty']
        : [CHILD, setup.handlerFile, JSON.stringify(setup.event), ...(mode === 'cold' ? [] : [JSON.stringify(mode)])];
    // Only the function's variables (plus PATH): nothing from this shell leaks into the "container".
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
      const report = JSON.parse(line.slice('BENCH_RESULT '.length)) as ChildReport;
      if (report.error)
        return finish(new Error(`cold-start child failed: ${report.error}\n${output.slice(-10).join('\n')}`));
      const wrong = mode === 'empty' ? undefined : setup.check(report.result);
      if (wrong) return finish(new Error(`cold-start child answered wrongly: ${wrong}`));
      const { resultMs: inChildMs, loadedMs, warmSamplesUs } = report;
      finish(undefined, { spawnToResultMs, inChildMs, loadedMs, warmSamplesUs });
    });
    child.once('error', (error) => finish(error));
    // 'close', not 'exit': 'exit' can come before the last stdout line has been read.
    child.once('close', (code) =>
      finish(new Error(`cold-start child exited (code ${code}) without a result:\n${output.slice(-10).join('\n')}`)),
    );
  });
}

/**
 * Spawns a fresh `node` per run on the bundled handler, which loads its config, creates its S3
 * client, reads its model from S3, creates the ONNX session and answers one event.
 */
export async function measureColdStart(
  setup: ColdStartSetup,
  runs: number,
  log: (line: string) => void,
  name = 'cold start',
): Promise<ColdStartFigures> {
  const samples: ChildRun[] = [];
  const boots: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so both see the same machine load.
    boots.push((await runChild(setup, 'empty')).spawnToResultMs);
    const run = await runChild(setup, 'cold');
    log(
      `${name} ${i + 1}/${runs}: ${run.spawnToResultMs.toFixed(0)} ms from spawn (${run.inChildMs.toFixed(0)} ms in the child; empty node ${boots[i].toFixed(0)} ms)`,
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

/** The bundled handler called again and again in one warm child: per-call p50/p99 in µs. */
export async function measureWarmHandler(setup: ColdStartSetup, warm: WarmRuns) {
  const { warmSamplesUs } = await runChild(setup, warm);
  if (!warmSamplesUs || warmSamplesUs.length !== warm.runs) throw new Error('the warm child reported no samples');
  return {
    p50Us: round(median(warmSamplesUs), 1),
    p99Us: round(percentile(warmSamplesUs, 99), 1),
    runs: warm.runs,
  };
}
