import type { S3Client } from '@aws-sdk/client-s3';
import { isModelPointer } from './deep-merge-json';
import { hashed } from './hashing-stream';
import { mapBucket, planLoad, type Strategy } from './plan-load';
import { type PodDescriptor, PodIntegrityError, sha256Hex } from './pod-format';
import { COPY_CONCURRENCY, forEachLimit, type PodReader, readLimited, SMALL_OBJECT_BYTES } from './pod-io';
import { type Progress, silentProgress } from './progress';
import { type ResolvedWrite, resolveWrites } from './resolve-deep-merge';
import { bucketExists, deleteKeys, ensureBucket, type ListedObject, listObjects, putObject } from './s3-objects';
import { openPod, verifyPod } from './verify-pod';

export interface LoadOptions {
  strategy?: Strategy;
  /** Plan and verify only: nothing is written or deleted. */
  dryRun?: boolean;
  /** The stage to load into; stage-derived bucket names are mapped to it. Defaults to the pod's. */
  stage?: string;
  progress?: (label: string, total: { bytes: number; objects: number }) => Progress;
}

/** What a load did (or, with dryRun, would do); keys are `s3://bucket/key`. */
export interface LoadReport {
  pod: PodDescriptor;
  strategy: Strategy;
  dryRun: boolean;
  added: string[];
  replaced: string[];
  merged: string[];
  kept: { key: string; reason: string }[];
  deleted: string[];
  unchanged: number;
}

const url = (o: { bucket: string; key: string }) => `s3://${o.bucket}/${o.key}`;

async function currentState(s3: S3Client, buckets: readonly string[]): Promise<ListedObject[]> {
  const all: ListedObject[] = [];
  for (const bucket of buckets) {
    if (!(await bucketExists(s3, bucket))) continue;
    for await (const o of listObjects(s3, bucket)) all.push(o);
  }
  return all;
}

async function write(s3: S3Client, reader: PodReader, w: ResolvedWrite, progress: Progress): Promise<void> {
  const meta = { contentType: w.object.contentType, contentEncoding: w.object.contentEncoding };
  if (w.kind === 'kept') return;
  if (w.kind === 'merged') return putObject(s3, { ...w.object, size: w.body.length }, w.body, meta);
  const { body } = await reader.openObject(w.index);
  // Verified before any write; checked again in case the source changed since: a small object
  // before it is sent, a streamed one as it is sent.
  const changed = () =>
    new PodIntegrityError(`${url(w.object)} changed in ${reader.location} while it was being loaded`);
  if (w.object.size <= SMALL_OBJECT_BYTES) {
    const bytes = await readLimited(body, w.object.size, url(w.object));
    if (sha256Hex(bytes) !== w.object.sha256) throw changed();
    await putObject(s3, w.object, bytes, meta);
    progress.bytes(bytes.length);
  } else {
    const hasher = hashed(body, (n) => progress.bytes(n));
    await putObject(s3, w.object, hasher, meta);
    if (hasher.result().sha256 !== w.object.sha256) throw changed();
  }
  progress.object();
}

/**
 * Loads a pod: reads and checks its manifest, checks EVERY object's sha256, plans against the
 * buckets' listing, and only then writes (registry pointers last) and deletes.
 */
export async function loadPod(s3: S3Client, reader: PodReader, options: LoadOptions = {}): Promise<LoadReport> {
  const strategy = options.strategy ?? 'overwrite';
  const progress = options.progress ?? (() => silentProgress);
  const { descriptor, manifest } = await openPod(reader);
  await verifyPod(reader, manifest, progress('verified', descriptor));
  const stage = options.stage ?? manifest.stage;
  const objects = manifest.objects.map((o) => ({ ...o, bucket: mapBucket(o.bucket, manifest.stage, stage) }));
  const buckets = [...new Set(manifest.buckets.map((b) => mapBucket(b, manifest.stage, stage)))];
  const plan = planLoad(objects, await currentState(s3, buckets), strategy);
  const writes = await resolveWrites(s3, reader, plan.writes);
  const report: LoadReport = {
    pod: descriptor,
    strategy,
    dryRun: options.dryRun ?? false,
    added: writes.filter((w) => w.kind === 'add').map((w) => url(w.object)),
    replaced: writes.filter((w) => w.kind === 'replace').map((w) => url(w.object)),
    merged: writes.filter((w) => w.kind === 'merged').map((w) => url(w.object)),
    kept: writes.flatMap((w) => (w.kind === 'kept' ? [{ key: url(w.object), reason: w.reason }] : [])),
    deleted: plan.deletes.map(url),
    unchanged: plan.unchanged.length,
  };
  if (report.dryRun) return report;

  for (const bucket of buckets) await ensureBucket(s3, bucket);
  const bytes = writes.reduce((sum, w) => sum + (w.kind === 'kept' ? 0 : w.object.size), 0);
  const copying = progress('loaded', { bytes, objects: writes.length });
  // Pointers are sorted last by the plan: write everything else first, then them, in order.
  const pointerAt = writes.findIndex((w) => isModelPointer(w.object.key));
  const [files, pointers] = pointerAt < 0 ? [writes, []] : [writes.slice(0, pointerAt), writes.slice(pointerAt)];
  const small = files.filter((w) => w.object.size <= SMALL_OBJECT_BYTES);
  await forEachLimit(small, COPY_CONCURRENCY, (w) => write(s3, reader, w, copying));
  const large = files.filter((w) => w.object.size > SMALL_OBJECT_BYTES);
  await forEachLimit(large, 4, (w) => write(s3, reader, w, copying));
  for (const w of pointers) await write(s3, reader, w, copying);
  copying.done();
  for (const bucket of buckets) {
    const keys = plan.deletes.filter((d) => d.bucket === bucket).map((d) => d.key);
    await deleteKeys(s3, bucket, keys);
  }
  return report;
}
