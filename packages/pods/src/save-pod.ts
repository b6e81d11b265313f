import type { S3Client } from '@aws-sdk/client-s3';
import { newVersionId } from '@serverless-ml/model-store';
import { hashed } from './hashing-stream';
import { POD_FORMAT, type PodDescriptor, type PodManifest, type PodObject, sha256Hex } from './pod-format';
import { forEachLimit, type PodWriter } from './pod-io';
import { type Progress, silentProgress } from './progress';
import { type ListedObject, listObjects, openObject } from './s3-objects';

/** What to snapshot and how to label it. */
export interface SaveOptions {
  name: string;
  buckets: readonly string[];
  message?: string;
  stage: string;
  commit?: string;
  /** Chosen by the caller when the writer needs it up front (the pods bucket's prefix); new otherwise. */
  version?: string;
  now?: Date;
  progress?: (total: { bytes: number; objects: number }) => Progress;
}

/** Lists every object of the buckets; only keys and sizes are kept, never bodies. */
export async function listState(s3: S3Client, buckets: readonly string[]): Promise<ListedObject[]> {
  const all: ListedObject[] = [];
  for (const bucket of buckets) for await (const o of listObjects(s3, bucket)) all.push(o);
  return all;
}

/**
 * Streams every object of `buckets` into `writer` (S3 GetObject → sha256/md5 → zip entry or pods
 * bucket), then writes the manifest and the descriptor that pins the manifest's sha256.
 */
export async function savePod(s3: S3Client, writer: PodWriter, options: SaveOptions): Promise<PodDescriptor> {
  const now = options.now ?? new Date();
  const listed = await listState(s3, options.buckets);
  const totalBytes = listed.reduce((sum, o) => sum + o.size, 0);
  const progress = (options.progress ?? (() => silentProgress))({ bytes: totalBytes, objects: listed.length });
  const objects: PodObject[] = new Array(listed.length);
  try {
    await forEachLimit(listed, writer.concurrency, async (o, index) => {
      const source = await openObject(s3, o.bucket, o.key);
      const hasher = hashed(source.body, (n) => progress.bytes(n));
      await writer.writeObject(index, hasher, source.size, { key: o.key, contentType: source.contentType });
      const { sha256, md5, bytes } = hasher.result();
      if (bytes !== source.size) throw new Error(`s3://${o.bucket}/${o.key}: read ${bytes} of ${source.size} bytes`);
      objects[index] = { bucket: o.bucket, key: o.key, size: bytes, sha256, md5 };
      if (source.contentType) objects[index].contentType = source.contentType;
      if (source.contentEncoding) objects[index].contentEncoding = source.contentEncoding;
      progress.object();
    });
    progress.done();
    const header = {
      format: POD_FORMAT,
      name: options.name,
      version: options.version ?? newVersionId(now),
      message: options.message ?? '',
      createdAt: now.toISOString(),
      stage: options.stage,
      ...(options.commit ? { commit: options.commit } : {}),
    } satisfies Omit<PodManifest, 'buckets' | 'objects'>;
    const manifest: PodManifest = { ...header, buckets: [...options.buckets], objects };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
    const descriptor: PodDescriptor = {
      ...header,
      objects: objects.length,
      bytes: objects.reduce((sum, o) => sum + o.size, 0),
      manifestSha256: sha256Hex(manifestBytes),
    };
    await writer.finish(manifestBytes, Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`));
    return descriptor;
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw new Error(`saving the pod to ${writer.location} failed, nothing was kept: ${String(error)}`, {
      cause: error,
    });
  }
}
