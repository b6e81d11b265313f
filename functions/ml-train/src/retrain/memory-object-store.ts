import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { ObjectStore, type TaggedObject, type WriteCondition, WriteConflictError } from '@serverless-ml/model-store';

/** A bucket in memory: the trainers' real ObjectStore contract without S3 (tests and local retraining). */
export class MemoryObjectStore extends ObjectStore {
  readonly objects = new Map<string, Uint8Array | string>();

  constructor(bucket: string, files: Record<string, Uint8Array | string> = {}) {
    // Never sent to: every method that would reach S3 is overridden.
    super(new S3Client({ region: 'us-east-1' }), bucket);
    for (const [key, body] of Object.entries(files)) this.objects.set(key, body);
  }

  /** ETags are the MD5 of the bytes, as S3 makes them for single-part uploads. */
  async getTagged(key: string): Promise<TaggedObject | undefined> {
    return this.tagged(key);
  }

  private tagged(key: string): TaggedObject | undefined {
    const body = this.objects.get(key);
    if (body === undefined) return undefined;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    return { bytes, etag: `"${createHash('md5').update(bytes).digest('hex')}"` };
  }

  /** Honours conditions like S3: a changed (or, for ifAbsent, existing) object is a WriteConflictError. */
  async put(key: string, body: Uint8Array | string, _contentType?: string, condition?: WriteCondition): Promise<void> {
    if (condition !== undefined) {
      // Checked and written in one synchronous step, as S3 does atomically.
      const existing = this.tagged(key);
      const holds = 'ifMatch' in condition ? existing?.etag === condition.ifMatch : existing === undefined;
      if (!holds) throw new WriteConflictError(key);
    }
    this.objects.set(key, body);
  }

  /** An object as bytes (strings are stored as given), throwing naming the key when it is missing. */
  bytes(key: string): Uint8Array {
    const body = this.objects.get(key);
    if (body === undefined) throw new Error(`${this.bucket} has no object ${key}`);
    return typeof body === 'string' ? Buffer.from(body) : body;
  }
}
