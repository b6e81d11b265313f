import { createHash, type Hash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';

/** A pass-through that hashes (sha256 and md5) and counts what flows through it. */
export class HashingStream extends Transform {
  bytes = 0;
  private readonly sha = createHash('sha256');
  private readonly md5: Hash = createHash('md5');
  private digests?: { sha256: string; md5: string };

  constructor(private readonly onBytes: (n: number) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha.update(chunk);
    this.md5.update(chunk);
    this.bytes += chunk.length;
    this.onBytes(chunk.length);
    callback(null, chunk);
  }

  /** The digests; only valid once the stream has ended. */
  result(): { sha256: string; md5: string; bytes: number } {
    this.digests ??= { sha256: this.sha.digest('hex'), md5: this.md5.digest('hex') };
    return { ...this.digests, bytes: this.bytes };
  }
}

/** Pipes `source` through a new HashingStream; an error on either side destroys both. */
export function hashed(source: Readable, onBytes?: (n: number) => void): HashingStream {
  const hasher = new HashingStream(onBytes);
  pipeline(source, hasher, () => undefined);
  return hasher;
}

/** Reads a stream to its end only to hash it (a verification pass keeps nothing). */
export async function hashStream(
  source: Readable,
  onBytes?: (n: number) => void,
): Promise<{ sha256: string; md5: string; bytes: number }> {
  const hasher = hashed(source, onBytes);
  for await (const _ of hasher) {
    // Drained only for the digest.
  }
  return hasher.result();
}
