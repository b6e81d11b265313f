// The pods benchmark for many small objects: 20,000 forecast-like JSON records of ~2.5 KB (what
// rain-forecast logs, one per request) saved to a zip and loaded into an empty s3rver, each in a
// child process. `tsx packages/pods/src/bench-small-pods.ts`, or benchSmallPods() from the bench.

import { execFileSync } from 'node:child_process';
import { diskCreatesPerS, removeBenchFolder, settleDisk } from './bench-disk';
import { type PodChildRun, runBenchScript, runPodChild, withBenchServers } from './bench-pods';
import { forEachLimit } from './pod-io';
import { putObject } from './s3-objects';
import { startTestS3 } from './s3rver-fixture';

/** The figures, named as the bench reports them. */
export interface SmallPodsBenchFigures {
  'pods.small_objects': number;
  'pods.small_state_mb': number;
  'pods.small_objects_per_s': { save: number; load: number };
  /** GetObject of every record, as a save reads them, with nothing else: the rate a save cannot beat. */
  'pods.small_get_floor_per_s': number;
  /** PutObject of every record from memory into an empty s3rver, as a load writes them, with nothing else: the rate a load cannot beat. */
  'pods.small_put_floor_per_s': number;
  /**
   * Empty files this disk created per second just before and just after the load: s3rver stores an
   * object as two files, so the figure tells a slow disk from slow code (see settleDisk).
   */
  'pods.small_disk_creates_per_s': { before_load: number; after_load: number };
  /** Seconds the bench waited, before the PutObject floor and the load, for the disk to settle (see settleDisk). */
  'pods.small_disk_wait_s': number;
  /** The larger of the save's and the load's peak RSS. */
  'pods.small_peak_rss_mb': number;
  /** CPU time per object of the pod process and of s3rver (this process), to tell the two costs apart. */
  'pods.small_cpu_ms_per_object': {
    save_pod: number;
    save_s3rver: number;
    load_pod: number;
    load_s3rver: number;
    get_pod: number;
    get_s3rver: number;
    put_pod: number;
    put_s3rver: number;
  };
}

const BUCKET = 'serverless-ml-bench-models';
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Record `i`: about 2.5 KB of pretty-printed JSON, like a logged forecast. */
export function forecastRecord(i: number): { key: string; body: Buffer } {
  const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  const previous = Array.from({ length: 15 }, (_, d) => ({
    date: `2026-11-${String(d + 1).padStart(2, '0')}`,
    precipitation: ((i * 7 + d * 13) % 97) / 10,
    temp_max: 10 + ((i + d) % 150) / 10,
    temp_min: ((i * 3 + d) % 90) / 10,
    wind: ((i + d * 5) % 60) / 10,
  }));
  const record = {
    requestId: id,
    probability: (i % 1000) / 1000,
    place: { name: 'Seattle', country: 'US', latitude: 47.60621, longitude: -122.33207, match: 'city' },
    observations: { source: 'recorded', previous },
    modelVersion: '2026-12-01T00-00-00-000Z-abcdef',
  };
  const day = String((i % 28) + 1).padStart(2, '0');
  return { key: `forecasts/2026/12/${day}/${id}.json`, body: Buffer.from(JSON.stringify(record, null, 2)) };
}

/** Runs one child and measures this process's CPU meanwhile: s3rver's, as nothing else runs here. */
async function measured(args: string[]): Promise<Measured> {
  // Each run starts with the disk's earlier writes flushed: a load right after the PutObject-alone
  // run paid for writing back that run's 40,000 files (s3rver CPU per object 1.9–2.5 ms, not 1.2).
  execFileSync('sync');
  const before = process.cpuUsage();
  const run = await runPodChild(args);
  const used = process.cpuUsage(before);
  return { ...run, serverCpuMs: (used.user + used.system) / 1000 };
}

/**
 * Fills an s3rver with `objects` records (through the S3 API), saves them to a zip, reads them
 * once more with GetObject alone (the save's floor), and loads the zip into another s3rver.
 */
export async function benchSmallPods(
  options: { objects?: number; log?: (line: string) => void } = {},
): Promise<SmallPodsBenchFigures> {
  const { objects = 20_000, log = () => undefined } = options;
  return withBenchServers('pods-small-bench', async ({ source, target, zip }) => {
    let bytes = 0;
    await forEachLimit(
      Array.from({ length: objects }, (_, i) => i),
      16,
      async (i) => {
        const { key, body } = forecastRecord(i);
        bytes += body.length;
        await putObject(source.s3, { bucket: BUCKET, key, size: body.length }, body, {
          contentType: 'application/json',
        });
      },
    );
    log(`pods: ${objects} records, ${(bytes / 1e6).toFixed(1)} MB in s3rver; saving…`);
    const save = await measured(['save', source.endpoint, 'bench', zip]);
    log(`pods: saved in ${(save.ms / 1000).toFixed(1)} s (peak RSS ${save.peakRssMb.toFixed(0)} MB); reading only…`);
    const get = await measured(['get', source.endpoint, 'bench', zip]);
    if (get.objects !== objects) throw new Error(`the floor run read ${get.objects} objects, expected ${objects}`);
    log(`pods: read every record in ${(get.ms / 1000).toFixed(1)} s; writing them from memory…`);
    // Removed only after the load: deleting 40,000 files must not weigh on the load's disk.
    const empty = await startTestS3('bench');
    try {
      // Probed inside each server's own folder, beside where its writes will go.
      const beforePut = await settleDisk(empty.dir, log);
      const put = await measured(['put', empty.endpoint, 'bench', String(objects)]);
      if (put.objects !== objects) throw new Error(`the floor run wrote ${put.objects} objects, expected ${objects}`);
      log(`pods: wrote every record in ${(put.ms / 1000).toFixed(1)} s; loading…`);
      const beforeLoad = await settleDisk(target.dir, log);
      const load = await measured(['load', target.endpoint, 'bench', zip]);
      const after = await diskCreatesPerS(target.dir);
      if (load.objects !== objects) throw new Error(`the load added ${load.objects} objects, expected ${objects}`);
      log(
        `pods: loaded in ${(load.ms / 1000).toFixed(1)} s (peak RSS ${load.peakRssMb.toFixed(0)} MB; ` +
          `the disk created ${beforeLoad.filesPerS} then ${after} files/s)`,
      );
      const disk = { before_load: beforeLoad.filesPerS, after_load: after };
      const diskWaitS = beforePut.waitedS + beforeLoad.waitedS;
      return figures({ objects, bytes, save, get, put, load, disk, diskWaitS });
    } finally {
      await empty.close({ keepDir: true });
      removeBenchFolder(empty.dir);
    }
  });
}

type Measured = PodChildRun & { serverCpuMs: number };

function figures(runs: {
  objects: number;
  bytes: number;
  save: Measured;
  get: Measured;
  put: Measured;
  load: Measured;
  disk: SmallPodsBenchFigures['pods.small_disk_creates_per_s'];
  diskWaitS: number;
}): SmallPodsBenchFigures {
  const { objects, bytes, save, get, put, load, disk, diskWaitS } = runs;
  const perS = (run: Measured) => round(objects / (run.ms / 1000), 0);
  const cpu = (ms: number) => round(ms / objects, 2);
  return {
    'pods.small_objects': objects,
    'pods.small_state_mb': round(bytes / 1e6),
    'pods.small_objects_per_s': { save: perS(save), load: perS(load) },
    'pods.small_get_floor_per_s': perS(get),
    'pods.small_put_floor_per_s': perS(put),
    'pods.small_disk_creates_per_s': disk,
    'pods.small_disk_wait_s': diskWaitS,
    'pods.small_peak_rss_mb': round(Math.max(save.peakRssMb, load.peakRssMb)),
    'pods.small_cpu_ms_per_object': {
      save_pod: cpu(save.cpuMs),
      save_s3rver: cpu(save.serverCpuMs),
      load_pod: cpu(load.cpuMs),
      load_s3rver: cpu(load.serverCpuMs),
      get_pod: cpu(get.cpuMs),
      get_s3rver: cpu(get.serverCpuMs),
      put_pod: cpu(put.cpuMs),
      put_s3rver: cpu(put.serverCpuMs),
    },
  };
}

if (require.main === module) {
  const objects = process.argv[2] ? Number(process.argv[2]) : undefined;
  runBenchScript((log) => benchSmallPods({ objects, log }));
}
