import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS } from './measure-package-sizes';
import type { SklearnOutcome } from './sklearn-reference';

/** A figure's value in results.json: a number, a detail (samples, sources), or null when unmeasured. */
export type FigureValue = number | string | boolean | number[] | string[] | Record<string, number | null> | null;
export type FigureGroup = Record<string, FigureValue>;
export const GROUPS = ['digits', 'rain', 'stores', 'housing', 'batch', 'http', 'package', 'pods', 'jobs'] as const;
export type GroupName = (typeof GROUPS)[number];
/** A figure's dotted name: `digits.train_ms`, `package.function_zip_bytes`. */
export type FigureName = `${GroupName}.${string}`;

/** `.bench/results.json`: nested groups (`digits`, `rain`, `stores`, `housing`, `http`, `package`, `pods`), flat snake_case keys inside. */
export interface BenchResults {
  createdAt: string;
  durationS: number;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    platform: string;
    arch: string;
    memoryGb: number;
    /** Before the bench started: above cpus/2 means other processes competed for the CPU. */
    loadAvg1m: number;
    loadAvg1mEnd?: number;
  };
  digits: FigureGroup;
  rain: FigureGroup;
  stores: FigureGroup;
  /**
   * Ours. By algorithm (housing-phase.ts, one fresh child each): `housing.<linear|forest|gbm|mlp>` is
   * `{ r2, rmse, mae, train_ms, train_first_ms, predict4128_ms, single_p50_us, onnx_bytes, … }`;
   * `mean_baseline_rmse`, `best_r2` (derived-figures.ts). The invocations endpoint serving the gbm
   * model (invocations-phase.ts): `cold_start_ms` and its parts, `handler_single_p50_us`/`_p99_us`,
   * `stack_train_r2`; its HTTP figures are `http.invocations_*` and `http.load_invocations_*`.
   */
  housing: FigureGroup;
  /** Batch scoring through POST /batch (batch-phase.ts): `rows_per_s_<shards at once>`, `scaling_2_over_1`. */
  batch: FigureGroup;
  http: FigureGroup;
  package: FigureGroup;
  pods: FigureGroup;
  /** Training jobs on the embedded stack (jobs-phase.ts). */
  jobs: FigureGroup;
  /** The phases run when `BENCH_ONLY` selected some (bench-phases.ts); absent when every phase ran. */
  phases?: string[];
  /** scikit-learn on the same data and splits, measured in this run: the table's references. */
  sklearn?: SklearnOutcome;
  /** Why a figure is null, by dotted name. */
  unmeasured: Record<string, string>;
  /**
   * Each target as checked, by dotted name; `met` is null when the figure is, or the bound when it
   * is computed from the results (`bound`: scikit-learn's same-run figure; null when unmeasured).
   */
  targets: Record<string, { target: string; met: boolean | null; bound?: number | null }>;
}

const load1m = () => Math.round(os.loadavg()[0] * 100) / 100;

/** Empty results with the machine filled in. */
export function newResults(): BenchResults {
  const cpus = os.cpus();
  return {
    createdAt: new Date().toISOString(),
    durationS: 0,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      memoryGb: Math.round(os.totalmem() / 1e8) / 10,
      loadAvg1m: load1m(),
    },
    digits: {},
    rain: {},
    stores: {},
    housing: {},
    batch: {},
    http: {},
    package: {},
    pods: {},
    jobs: {},
    unmeasured: {},
    targets: {},
  };
}

function split(figure: FigureName): [GroupName, string] {
  const dot = figure.indexOf('.');
  const group = GROUPS.find((g) => g === figure.slice(0, dot));
  if (!group) throw new Error(`unknown figure ${figure}`);
  return [group, figure.slice(dot + 1)];
}

/** Runs one phase; when it throws, its figures become null with the reason, and the bench goes on. */
export async function attempt<T>(
  results: BenchResults,
  figures: FigureName[],
  phase: string,
  log: (line: string) => void,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    log(`${phase} failed: ${why}`);
    markUnmeasured(results, figures, `${phase} failed: ${why.split('\n')[0]}`);
    return undefined;
  }
}

/** Sets figures to null and says why in `unmeasured`. */
export function markUnmeasured(results: BenchResults, figures: FigureName[], why: string): void {
  for (const figure of figures) {
    const [group, key] = split(figure);
    results[group][key] = key === 'function_zip_bytes' ? Object.fromEntries(FUNCTIONS.map((f) => [f, null])) : null;
    results.unmeasured[figure] = why;
  }
}

/** Stamps duration and end load, then writes the JSON file; returns its path. */
export function writeResults(results: BenchResults, file: string, durationMs: number): string {
  results.durationS = Math.round(durationMs / 100) / 10;
  results.machine.loadAvg1mEnd = load1m();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
