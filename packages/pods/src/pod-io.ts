import type { Readable } from 'node:stream';

/** Reads one stored pod, wherever it lives (a version in the pods bucket, a zip file). */
export interface PodReader {
  /** For messages: `s3://bucket/pods/demo/versions/…` or `file:///…/demo.zip`. */
  readonly location: string;
  readDescriptor(): Promise<Buffer>;
  readManifest(): Promise<Buffer>;
  /** Object `index` of the manifest as a stream, with the stored length when known. */
  openObject(index: number): Promise<{ body: Readable; size?: number }>;
  close(): Promise<void>;
}

/**
 * Objects up to this size are read whole and copied as buffers, many at a time: a stream pipeline
 * per object cost more than the object (20,000 forecast records), and memory stays bounded by
 * COPY_CONCURRENCY × SMALL_OBJECT_BYTES. Larger objects are
 * streamed.
 */
export const SMALL_OBJECT_BYTES = 1024 * 1024;
/** Small objects a verify reads from the pod at once (local reads: no round trip to hide). */
export const SMALL_OBJECT_CONCURRENCY = 16;
/**
 * Small objects a save reads, or a load writes, at once. With 16, s3rver sat idle a third of a
 * save while the pod process handled responses; 32 kept it fed (+4–25% objects/s in paired runs
 * on 2 cores). A load's writes gained as much once s3rver wrote two files per object, not four
 * (20,000 records: 480–559 → 591–653 objects/s in interleaved runs, peak RSS 184 → 190 MB).
 */
export const COPY_CONCURRENCY = 32;

/** What a writer may use to choose how to store an object (a zip deflates only text). */
export interface ObjectHint {
  key: string;
  contentType?: string;
}

/** Writes one new pod: objects first, then the manifest and the descriptor (the commit marker). */
export interface PodWriter {
  readonly location: string;
  /** How many streamed (large) objects may be written at once (a zip is written in order: 1). */
  readonly concurrency: number;
  /**
   * Writes object `index`: a small one as a buffer, a large one as a stream. Resolves once the
   * body has been consumed and stored. Small objects arrive COPY_CONCURRENCY at a time.
   */
  writeObject(index: number, body: Readable | Buffer, size: number, hint: ObjectHint): Promise<void>;
  finish(manifest: Buffer, descriptor: Buffer): Promise<void>;
  /** Removes whatever a failed save left behind. */
  abort(): Promise<void>;
}

/** Reads a small stream to its end, refusing more than `limit` bytes (a pod.json is never large). */
export async function readLimited(body: Readable, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buf.length;
    if (total > limit) {
      body.destroy();
      throw new Error(`${what} is larger than ${limit} bytes`);
    }
    chunks.push(buf);
  }
  // Not Buffer.concat: it takes small buffers from Node's shared 8 KiB pool, and a slab stays alive
  // while any slice of it does. yazl keeps every entry's name (a pooled slice) to the end, which
  // pinned the bodies beside them: 70 MB for a pod of 20,000 small objects.
  const whole = Buffer.allocUnsafeSlow(total);
  let offset = 0;
  for (const chunk of chunks) offset += chunk.copy(whole, offset);
  return whole;
}

/**
 * Runs `task` over `items` (an array, or an async listing consumed as it arrives) with at most
 * `limit` in flight. The first failure stops new tasks and is thrown once the tasks in flight have
 * settled and the listing is closed (a page it had asked for ahead included): nothing a failed
 * save or load started still runs, or writes, after it reports the failure.
 */
export async function forEachLimit<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const it = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure) {
      // Taken before next(): an async generator answers next() calls in the order they were made.
      const i = next++;
      try {
        const step = await it.next();
        if (step.done || failure) return;
        await task(step.value, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  if (failure) {
    await Promise.resolve(it.return?.()).catch(() => undefined);
    throw failure.error;
  }
}
