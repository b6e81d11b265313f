// The pods benchmark: save and load a ≥ 200 MB state through a zip, each in a child process whose
// peak RSS is measured. `tsx packages/pods/src/bench-pods.ts`, or call benchPods() from the bench.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { removeBenchFolder } from './bench-disk';
import { putObject } from './s3-objects';
import { startTestS3 } from './s3rver-fixture';

/** The figures, named as the bench reports them. */
export interface PodsBenchFigures {
  'pods.save_mb_per_s': number;
  'pods.load_mb_per_s': number;
  'pods.peak_rss_mb': number;
  /** The same processes' RSS before copying anything (Node, tsx, the AWS SDK). */
  'pods.start_rss_mb': number;
  'pods.state_mb': number;
  'pods.zip_mb': number;
}

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const round = (n: number) => Math.round(n * 10) / 10;

/** What one child reports: its time, objects copied, peak and start RSS, and its own CPU time. */
export interface PodChildRun {
  ms: number;
  objects: number;
  peakRssMb: number;
  startRssMb: number;
  cpuMs: number;
}

/** Runs one `save|load <endpoint> <stage> <zip>` in a child process, as `pnpm pod` would. */
export async function runPodChild(args: string[]): Promise<PodChildRun> {
  const script = path.join(__dirname, 'bench-pods-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** Two throwaway s3rvers (a source and an empty target) and a work folder, for one pods bench. */
export interface BenchServers {
  source: Awaited<ReturnType<typeof startTestS3>>;
  target: Awaited<ReturnType<typeof startTestS3>>;
  zip: string;
}

/** Runs `bench` with fresh servers and a temp folder, and removes them whatever happens. */
export async function withBenchServers<T>(name: string, bench: (servers: BenchServers) => Promise<T>): Promise<T> {
  const work = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const source = await startTestS3('bench');
  const target = await startTestS3('bench');
  try {
    return await bench({ source, target, zip: path.join(work, 'bench.zip') });
  } finally {
    await source.close({ keepDir: true });
    await target.close({ keepDir: true });
    for (const dir of [source.dir, target.dir, work]) removeBenchFolder(dir);
  }
}

/** The entry of `tsx <bench file>`: figures as JSON on stdout, progress on stderr, exit 1 on failure. */
export function runBenchScript(bench: (log: (line: string) => void) => Promise<unknown>): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  bench((line) => console.error(line))
    .then((figures) => console.log(JSON.stringify(figures, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

/**
 * Fills an s3rver with `objects` random objects of `objectMb` MB (40 × 5 MB by default: random
 * bytes do not compress, so the zip is as large as the state), saves them to a zip in one child
 * process and loads the zip into a second, empty s3rver in another.
 */
export async function benchPods(
  options: { objects?: number; objectMb?: number; log?: (line: string) => void } = {},
): Promise<PodsBenchFigures> {
  const { objects = 40, objectMb = 5, log = () => undefined } = options;
  return withBenchServers('pods-bench', async ({ source, target, zip }) => {
    const size = objectMb * 1024 * 1024;
    for (let i = 0; i < objects; i++) {
      const key = `bench/object-${String(i).padStart(3, '0')}.bin`;
      await putObject(source.s3, { bucket: 'serverless-ml-bench-data', key, size }, randomBytes(size));
    }
    const stateMb = (objects * size) / 1e6;
    log(`pods: ${objects} × ${objectMb} MiB = ${stateMb.toFixed(0)} MB in s3rver; saving…`);
    const save = await runPodChild(['save', source.endpoint, 'bench', zip]);
    log(`pods: saved in ${(save.ms / 1000).toFixed(1)} s (peak RSS ${save.peakRssMb.toFixed(0)} MB); loading…`);
    const load = await runPodChild(['load', target.endpoint, 'bench', zip]);
    if (load.objects !== objects) throw new Error(`the load added ${load.objects} objects, expected ${objects}`);
    log(`pods: loaded in ${(load.ms / 1000).toFixed(1)} s (peak RSS ${load.peakRssMb.toFixed(0)} MB)`);
    return {
      'pods.save_mb_per_s': round(stateMb / (save.ms / 1000)),
      'pods.load_mb_per_s': round(stateMb / (load.ms / 1000)),
      'pods.peak_rss_mb': round(Math.max(save.peakRssMb, load.peakRssMb)),
      'pods.start_rss_mb': round(Math.max(save.startRssMb, load.startRssMb)),
      'pods.state_mb': round(stateMb),
      'pods.zip_mb': round(statSync(zip).size / 1e6),
    };
  });
}

if (require.main === module) runBenchScript((log) => benchPods({ log }));
