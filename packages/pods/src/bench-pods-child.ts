// One pod save or load for the pods benchmarks, alone in its process so its peak RSS is the pod code's.
// usage: bench-pods-child.ts save|load|get <endpoint> <stage> <file.zip>  → one JSON line on stdout
// (time, objects, peak and start RSS, and the CPU time the pod code used). `get` only reads every
// object of the stage's buckets as a save does and keeps nothing: the floor a save cannot beat.
// `put <endpoint> <stage> <count>` writes `count` forecast records from memory as a load writes
// them, with no zip and no hashing: the floor a load cannot beat.

import type { S3Client } from '@aws-sdk/client-s3';
import { forecastRecord } from './bench-small-pods';
import { loadPodFrom, savePodTo } from './pod-actions';
import { COPY_CONCURRENCY, forEachLimit, readLimited } from './pod-io';
import { tunePodProcess } from './pod-process';
import { parsePodRef } from './pod-ref';
import { type PodSettings, podS3Client, podSettings } from './pod-settings';
import { openObject, putObject } from './s3-objects';
import { listState } from './save-pod';

// As `pnpm pod` runs: the figures are the command's.
tunePodProcess();

/** GetObject of every object, COPY_CONCURRENCY at a time, bodies read and dropped: a save without hashing or zip. */
async function getAll(s3: S3Client, settings: PodSettings): Promise<number> {
  let objects = 0;
  await forEachLimit(listState(s3, settings.buckets), COPY_CONCURRENCY, async (o) => {
    const { body, size } = await openObject(s3, o.bucket, o.key);
    await readLimited(body, size, o.key);
    objects += 1;
  });
  return objects;
}

/** PutObject of `count` records (built before timing starts), COPY_CONCURRENCY at a time, as a load writes. */
function putAll(s3: S3Client, bucket: string, count: number): () => Promise<number> {
  const records = Array.from({ length: count }, (_, i) => forecastRecord(i));
  return async () => {
    await forEachLimit(records, COPY_CONCURRENCY, ({ key, body }) =>
      putObject(s3, { bucket, key, size: body.length }, body, { contentType: 'application/json' }),
    );
    return count;
  };
}

async function main(): Promise<void> {
  const [command, endpoint, stage, zip] = process.argv.slice(2);
  const settings = podSettings({ endpoint, stage }, {});
  const s3 = podS3Client(settings, {});
  const put = command === 'put' ? putAll(s3, settings.buckets[1], Number(zip)) : undefined;
  const ref = () => parsePodRef(`file://${zip}`);
  // Peak RSS with the code loaded but nothing copied yet: what the figure would be for an empty pod.
  const startRssMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  const cpu = process.cpuUsage();
  let objects: number;
  if (command === 'save') objects = (await savePodTo(s3, settings, ref(), { commit: 'bench' })).descriptor.objects;
  else if (command === 'load') objects = (await loadPodFrom(s3, settings, ref())).added.length;
  else if (put) objects = await put();
  else objects = await getAll(s3, settings);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  s3.destroy();
  // maxRSS is in kilobytes: the process's peak resident memory, whatever freed since.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, objects, peakRssMb, startRssMb, cpuMs })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
