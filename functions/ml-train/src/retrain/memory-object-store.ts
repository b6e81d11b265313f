import { S3Client } from '@aws-sdk/client-s3';
import { ObjectStore } from '@serverless-ml/model-store';

/** A bucket in memory: the trainers' real ObjectStore contract without S3 (tests and local retraining). */
export class MemoryObjectStore extends ObjectStore {
  readonly objects = new Map<string, Uint8Array | string>();

  constructor(bucket: string, files: Record<string, Uint8Array | string> = {}) {
    // Never sent to: every method that would reach S3 is overridden.
    super(new S3Client({ region: 'us-east-1' }), bucket);
    for (const [key, body] of Object.entries(files)) this.objects.set(key, body);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const body = this.objects.get(key);
    return typeof body === 'string' ? Buffer.from(body) : body;
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    this.objects.set(key, body);
  }

  /** An object as bytes (strings are stored as given), throwing naming the key when it is missing. */
  bytes(key: string): Uint8Array {
    const body = this.objects.get(key);
    if (body === undefined) throw new Error(`${this.bucket} has no object ${key}`);
    return typeof body === 'string' ? Buffer.from(body) : body;
  }
}
