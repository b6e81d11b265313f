import type { S3Client } from '@aws-sdk/client-s3';
import { newVersionId } from '@serverless-ml/model-store';
import { digests, hashed } from './hashing-stream';
import { POD_FORMAT, type PodDescriptor, type PodManifest, type PodObject, sha256Hex } from './pod-format';
import { COPY_CONCURRENCY, forEachLimit, type PodWriter, readLimited, SMALL_OBJECT_BYTES } from './pod-io';
import { type Progress, type ProgressTotal, progressOnceKnown, silentProgress } from './progress';
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
  progress?: (total: ProgressTotal) => Progress;
}

/** Every object of the buckets, page by page: only keys and sizes, never bodies. */
export async function* listState(s3: S3Client, buckets: readonly string[]): AsyncGenerator<ListedObject> {
  for (const bucket of buckets) yield* listObjects(s3, bucket);
}

/** Copies one object into the writer (whole if small, streamed if not) and describes it for the manifest. */
async function saveObject(s3: S3Client, writer: PodWriter, o: ListedObject, index: number, progress: Progress) {
  const where = `s3://${o.bucket}/${o.key}`;
  const source = await openObject(s3, o.bucket, o.key);
  const hint = { key: o.key, contentType: source.contentType };
  let copied: { sha256: string; md5: string; bytes: number };
  if (source.size <= SMALL_OBJECT_BYTES) {
    const bytes = await readLimited(source.body, source.size, where);
    progress.bytes(bytes.length);
    await writer.writeObject(index, bytes, bytes.length, hint);
    copied = digests(bytes);
  } else {
    const hasher = hashed(source.body, (n) => progress.bytes(n));
    await writer.writeObject(index, hasher, source.size, hint);
    copied = hasher.result();
  }
  if (copied.bytes !== source.size) throw new Error(`${where}: read ${copied.bytes} of ${source.size} bytes`);
  const object: PodObject = {
    bucket: o.bucket,
    key: o.key,
    size: copied.bytes,
    sha256: copied.sha256,
    md5: copied.md5,
  };
  if (source.contentType) object.contentType = source.contentType;
  if (source.contentEncoding) object.contentEncoding = source.contentEncoding;
  progress.object();
  return object;
}

/**
 * Copies every object of `buckets` into `writer` (S3 GetObject → sha256/md5 → zip entry or pods
 * bucket), then writes the manifest and the descriptor that pins the manifest's sha256.
 */
export async function savePod(s3: S3Client, writer: PodWriter, options: SaveOptions): Promise<PodDescriptor> {
  const now = options.now ?? new Date();
  const progress = progressOnceKnown(options.progress ?? (() => silentProgress));
  const objects: PodObject[] = [];
  const large: { o: ListedObject; index: number }[] = [];
  // Small objects are copied while later pages are still being listed (s3rver took ~4 s to list
  // 20,000 keys, a tenth of the save); large ones wait until they can have the writer's streams.
  async function* listed() {
    const total = { bytes: 0, objects: 0 };
    for await (const o of listState(s3, options.buckets)) {
      const index = total.objects++;
      total.bytes += o.size;
      if (o.size > SMALL_OBJECT_BYTES) large.push({ o, index });
      else yield { o, index };
    }
    progress.known(total);
  }
  try {
    for (const [batch, limit] of [
      [listed(), COPY_CONCURRENCY],
      [large, writer.concurrency],
    ] as const) {
      await forEachLimit(batch, limit, async ({ o, index }) => {
        objects[index] = await saveObject(s3, writer, o, index, progress);
      });
    }
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
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`saving the pod to ${writer.location} failed, nothing was kept: ${reason}`, { cause: error });
  }
}
