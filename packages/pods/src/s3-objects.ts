import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { DirectS3 } from './direct-s3';

/** One object as a listing shows it. */
export interface ListedObject {
  bucket: string;
  key: string;
  size: number;
  /** Without quotes; an MD5 for single-part uploads. */
  etag?: string;
}

/** What a stored object carries besides its bytes. */
export interface ObjectMeta {
  contentType?: string;
  contentEncoding?: string;
}

const directRoutes = new WeakMap<S3Client, DirectS3>();

/**
 * From now on, `openObject` and `putObject` of a body in memory go through `direct` instead of
 * the client's middleware stack (see DirectS3); everything else still goes through the client.
 */
export function sendObjectsDirectly(s3: S3Client, direct: DirectS3): void {
  directRoutes.set(s3, direct);
}

function status(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const meta = error.$metadata;
  return typeof meta === 'object' &&
    meta !== null &&
    'httpStatusCode' in meta &&
    typeof meta.httpStatusCode === 'number'
    ? meta.httpStatusCode
    : undefined;
}

/** Whether an SDK error means "no such bucket/key". */
export function isMissing(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return ['NoSuchKey', 'NotFound', 'NoSuchBucket'].includes(name) || status(error) === 404;
}

/**
 * Every object under `prefix`, page by page: a listing of millions of keys is never held whole.
 * The next page is asked for before this one's objects are handed out, so a consumer that works
 * as it lists (a save) does not stall at each page: s3rver took ~0.2 s per page of 1000.
 */
export async function* listObjects(s3: S3Client, bucket: string, prefix?: string): AsyncGenerator<ListedObject> {
  const list = (token?: string): Promise<ListObjectsV2CommandOutput> => {
    const page = s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    // Observed when awaited; a consumer that stops early must not leave it unhandled.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<ListObjectsV2CommandOutput> | undefined = list();
  try {
    while (next) {
      const page: ListObjectsV2CommandOutput = await next;
      next = page.IsTruncated && page.NextContinuationToken ? list(page.NextContinuationToken) : undefined;
      for (const o of page.Contents ?? []) {
        if (o.Key === undefined) continue;
        yield { bucket, key: o.Key, size: o.Size ?? 0, etag: o.ETag?.replace(/"/g, '') };
      }
    }
  } finally {
    // Closed early (a consumer failed or had enough): the page asked for ahead is settled first.
    await next?.catch(() => undefined);
  }
}

/** Whether the bucket exists (and we may see it). */
export async function bucketExists(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Creates the bucket unless it exists. */
export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  if (!(await bucketExists(s3, bucket))) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** Opens an object as a Node stream, with its length and metadata. */
export async function openObject(
  s3: S3Client,
  bucket: string,
  key: string,
): Promise<ObjectMeta & { body: Readable; size: number }> {
  const direct = directRoutes.get(s3);
  if (direct) return direct.getObject(bucket, key);
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = out.Body;
  if (!(body instanceof Readable)) throw new Error(`s3://${bucket}/${key}: the SDK returned no Node stream`);
  return { body, size: out.ContentLength ?? 0, contentType: out.ContentType, contentEncoding: out.ContentEncoding };
}

/** Reads a small object whole; `undefined` when it does not exist. */
export async function readSmall(s3: S3Client, bucket: string, key: string): Promise<Buffer | undefined> {
  try {
    const { body } = await openObject(s3, bucket, key);
    return Buffer.concat(await body.toArray());
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Writes an object from a stream of known length, so it is never buffered whole. */
export async function putObject(
  s3: S3Client,
  target: { bucket: string; key: string; size: number },
  body: Readable | Buffer,
  meta: ObjectMeta = {},
): Promise<void> {
  const direct = directRoutes.get(s3);
  if (direct && Buffer.isBuffer(body)) return direct.putObject(target.bucket, target.key, body, meta);
  await s3.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: body,
      ContentLength: target.size,
      ContentType: meta.contentType,
      ContentEncoding: meta.contentEncoding,
    }),
  );
}

/** Deletes keys in batches of 1000 (the DeleteObjects limit); throws naming the first key S3 refused. */
export async function deleteKeys(s3: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
    const out = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
    const failed = out.Errors?.[0];
    if (failed) throw new Error(`could not delete s3://${bucket}/${failed.Key}: ${failed.Code} ${failed.Message}`);
  }
}
