import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

const statusOf = (error: Error) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

function isMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || statusOf(error) === 404;
}

/** S3 refused a conditional write: 412 when the condition failed, 409 when another conditional write raced it. */
function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'PreconditionFailed' || error.name === 'ConditionalRequestConflict' || statusOf(error) === 412;
}

/** An S3-compatible store that does not implement conditional writes (older MinIO, some emulators). */
function isUnsupported(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotImplemented' || statusOf(error) === 501);
}

/** An object's bytes and its ETag (for a conditional write back; some emulators send none). */
export interface TaggedObject {
  bytes: Uint8Array;
  etag?: string;
}

/**
 * A write that succeeds only while the object is as it was read (`ifMatch`: its ETag) or still
 * absent (`ifAbsent`). S3 has honoured both since 2024; s3rver ignores them and a store that
 * answers 501 gets the write unconditionally, so there the last writer wins.
 */
export type WriteCondition = { ifMatch: string } | { ifAbsent: true };

/** The object changed (or appeared) between the read and a conditional write. */
export class WriteConflictError extends Error {
  constructor(
    readonly key: string,
    cause?: unknown,
  ) {
    super(`s3 object ${key} was changed by someone else since it was read`, { cause });
    this.name = 'WriteConflictError';
  }
}

/** What a listing found: object keys and, with a delimiter, the "folders" one level down. */
export interface ObjectListing {
  keys: string[];
  /** Common prefixes, e.g. `models/digits/` under `models/` with delimiter `/`. */
  prefixes: string[];
}

/** Thin typed access to one bucket: whole-object reads and writes, and listings. */
export class ObjectStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /** Reads an object whole; `undefined` when it does not exist. */
  async get(key: string): Promise<Uint8Array | undefined> {
    return (await this.getTagged(key))?.bytes;
  }

  /** Reads an object whole with its ETag; `undefined` when it does not exist. */
  async getTagged(key: string): Promise<TaggedObject | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      return { bytes, etag: out.ETag };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Reads and parses a JSON object; `undefined` when it does not exist. */
  async getJson<T>(key: string): Promise<T | undefined> {
    return (await this.getTaggedJson<T>(key))?.value;
  }

  /** Reads and parses a JSON object with its ETag; `undefined` when it does not exist. */
  async getTaggedJson<T>(key: string): Promise<{ value: T; etag?: string } | undefined> {
    const read = await this.getTagged(key);
    return read && { value: JSON.parse(Buffer.from(read.bytes).toString('utf8')) as T, etag: read.etag };
  }

  /** Writes an object whole; with a condition, throws WriteConflictError instead of overwriting a change. */
  async put(key: string, body: Uint8Array | string, contentType: string, condition?: WriteCondition): Promise<void> {
    const conditional =
      condition === undefined ? {} : 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : { IfNoneMatch: '*' };
    try {
      // Content-MD5: S3 (and our s3rver) refuses a body that arrives other than it was sent.
      const md5 = createHash('md5').update(body).digest('base64');
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentMD5: md5,
          ...conditional,
        }),
      );
    } catch (error) {
      if (condition === undefined) throw error;
      // S3 answers If-Match on an object deleted meanwhile with 404: changed, too.
      if (isConditionFailure(error) || ('ifMatch' in condition && isMissing(error)))
        throw new WriteConflictError(key, error);
      // Last writer wins there, as on s3rver: better than refusing every pointer update.
      if (isUnsupported(error)) return this.put(key, body, contentType);
      throw error;
    }
  }

  /** Deletes one object (no error when it does not exist, as S3). */
  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Every key under a prefix (all pages; S3 returns at most 1000 a page), sorted as S3 sorts them. */
  async list(prefix: string, delimiter?: string): Promise<ObjectListing> {
    const listing: ObjectListing = { keys: [], prefixes: [] };
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          Delimiter: delimiter,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) listing.keys.push(object.Key);
      for (const common of page.CommonPrefixes ?? []) if (common.Prefix) listing.prefixes.push(common.Prefix);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return listing;
  }
}
