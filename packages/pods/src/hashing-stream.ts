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

/** The sha256 and md5 of bytes held whole (a small object). */
export function digests(bytes: Buffer): { sha256: string; md5: string; bytes: number } {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
    bytes: bytes.length,
  };
}

/** Reads a stream to its end only to hash it (a verification pass keeps nothing). */
export async function hashStream(
  source: Readable,
  onBytes: (n: number) => void = () => undefined,
): Promise<{ sha256: string; md5: string; bytes: number }> {
  // Read directly rather than through hashed(): pipeline() costs more than hashing a small object.
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let bytes = 0;
  for await (const chunk of source) {
    const buf: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    sha.update(buf);
    md5.update(buf);
    bytes += buf.length;
    onBytes(buf.length);
  }
  return { sha256: sha.digest('hex'), md5: md5.digest('hex'), bytes };
}
