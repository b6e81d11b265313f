import type { S3Client } from '@aws-sdk/client-s3';
import { BucketPodReader, indexKey } from './bucket-pods';
import { type PodDescriptor, parseDescriptor } from './pod-format';
import type { PodReader } from './pod-io';
import type { PodRef } from './pod-ref';
import { bucketExists, deleteKeys, listObjects, readSmall } from './s3-objects';
import { ZipPodReader } from './zip-pods';

/** Version ids of every complete pod version in the bucket, by pod name, oldest first. */
async function indexedVersions(s3: S3Client, bucket: string, name?: string): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  if (!(await bucketExists(s3, bucket))) return byName;
  for await (const o of listObjects(s3, bucket, name === undefined ? 'index/' : indexKey(name))) {
    const match = /^index\/([^/]+)\/(.+)\.json$/.exec(o.key);
    if (!match) continue;
    const [, pod, version] = match;
    byName.set(pod, [...(byName.get(pod) ?? []), version]);
  }
  for (const versions of byName.values()) versions.sort();
  return byName;
}

async function descriptor(s3: S3Client, bucket: string, name: string, version: string): Promise<PodDescriptor> {
  const bytes = await readSmall(s3, bucket, indexKey(name, version));
  if (!bytes) throw new Error(`s3://${bucket}/${indexKey(name, version)} vanished while listing`);
  return parseDescriptor(bytes);
}

/** Every complete version of a pod, oldest first. */
export async function listVersions(s3: S3Client, bucket: string, name: string): Promise<PodDescriptor[]> {
  const versions = (await indexedVersions(s3, bucket, name)).get(name) ?? [];
  return Promise.all(versions.map((v) => descriptor(s3, bucket, name, v)));
}

/** Every pod in the bucket with its newest version and how many it has. */
export async function listPods(
  s3: S3Client,
  bucket: string,
): Promise<{ name: string; latest: PodDescriptor; versions: number }[]> {
  const pods = [];
  for (const [name, versions] of [...(await indexedVersions(s3, bucket))].sort()) {
    const latest = await descriptor(s3, bucket, name, versions[versions.length - 1]);
    pods.push({ name, latest, versions: versions.length });
  }
  return pods;
}

/** Deletes every version of a pod, its index entries first; returns how many objects went. */
export async function deletePod(s3: S3Client, bucket: string, name: string): Promise<number> {
  let count = 0;
  for (const prefix of [indexKey(name), `pods/${name}/`]) {
    const keys: string[] = [];
    for await (const o of listObjects(s3, bucket, prefix)) keys.push(o.key);
    await deleteKeys(s3, bucket, keys);
    count += keys.length;
  }
  if (count === 0) throw new Error(`no pod named "${name}" in s3://${bucket}`);
  return count;
}

/** Opens a pod for reading: a zip, a named version, or the newest version of a name. */
export async function openPodReader(s3: S3Client, podsBucket: string, ref: PodRef): Promise<PodReader> {
  if (ref.kind === 'file') return ZipPodReader.open(ref.path);
  const version = ref.version ?? (await indexedVersions(s3, podsBucket, ref.name)).get(ref.name)?.at(-1);
  if (version === undefined) throw new Error(`no pod named "${ref.name}" in s3://${podsBucket} (see: pnpm pod list)`);
  return new BucketPodReader(s3, podsBucket, ref.name, version);
}
