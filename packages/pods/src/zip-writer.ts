// A zip written front to back, entry after entry, then its central directory. Not yazl: it rescans
// every entry added so far before each next one (O(n²): 10 s of a 20,000-object save,
// thejoshwolfe/yazl#91) and pipes each entry through four streams, which cost more than a 2.5 KB
// record's whole copy.

import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';
import {
  centralRecord,
  DEFLATE,
  type DosStamp,
  dataDescriptor,
  dosStamp,
  endRecords,
  FLAG_DESCRIPTOR,
  localHeader,
  MAX_U32,
  STORE,
  type ZipEntry,
} from './zip-records';

const deflateRawAsync = promisify(deflateRaw);
const WRITE_BYTES = 64 * 1024;

/** Writes entries into `out` one at a time, in call order; callers may call concurrently. */
export class ZipWriter {
  private readonly entries: ZipEntry[] = [];
  private readonly stamp: DosStamp;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly out: Writable,
    now = new Date(),
  ) {
    // zlib.crc32 came in Node 20.15 / 22.2; older 20.x would fail at the first entry, mid-save.
    if (typeof crc32 !== 'function') throw new Error('writing a pod zip needs Node 20.15 or later (zlib.crc32)');
    this.stamp = dosStamp(now);
  }

  /** Adds bytes held whole; sizes and CRC go in the local header. Resolves once written or queued to be. */
  async addBuffer(name: string, data: Buffer, options: { deflate: boolean }): Promise<void> {
    // Deflated on libuv's threads while earlier entries are written; awaited in turn, so entries keep call order.
    const deflated = options.deflate ? deflateRawAsync(data, { level: 6 }) : undefined;
    deflated?.catch(() => undefined);
    const crc = crc32(data);
    return this.enqueue(async () => {
      const body = deflated ? await deflated : data;
      const method = options.deflate ? DEFLATE : STORE;
      await this.start({ name, flags: 0, method, crc, compressed: body.length, size: data.length });
      await this.write(body);
    });
  }

  /**
   * Streams `size` bytes into one entry, CRC and sizes in a data descriptor after them. Rejects
   * (and the zip is unusable) when the stream fails or does not carry exactly `size` bytes.
   */
  async addStream(name: string, stream: Readable, size: number, options: { deflate: boolean }): Promise<void> {
    return this.enqueue(async () => {
      const method = options.deflate ? DEFLATE : STORE;
      // Deflate can grow incompressible data a little (5 bytes per 16 KiB block): zip64 with room to spare.
      const zip64 = size + Math.ceil(size / 1000) + 64 >= MAX_U32;
      const entry = await this.start({ name, flags: FLAG_DESCRIPTOR, method, crc: 0, compressed: 0, size: 0, zip64 });
      let crc = 0;
      let read = 0;
      const count = async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          crc = crc32(chunk, crc);
          read += chunk.length;
          yield chunk;
        }
      };
      const sink = async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          entry.compressed += chunk.length;
          await this.write(chunk);
        }
      };
      if (options.deflate) await pipeline(stream, count, createDeflateRaw({ level: 6 }), sink);
      else await pipeline(stream, count, sink);
      if (read !== size) throw new Error(`zip entry ${name}: the stream had ${read} of ${size} bytes`);
      if (!zip64 && entry.compressed >= MAX_U32) throw new Error(`zip entry ${name}: larger than its header allows`);
      Object.assign(entry, { crc, size });
      await this.write(dataDescriptor(entry));
    });
  }

  /** Writes the central directory once every entry is written, ends `out` and waits until it is closed. */
  async end(): Promise<void> {
    await this.enqueue(async () => {
      const start = this.offset;
      for (const entry of this.entries) await this.write(centralRecord(entry, this.stamp));
      await this.write(endRecords(this.entries.length, start, this.offset - start));
      await this.flush();
    });
    this.out.end();
    await finished(this.out);
  }

  /** Records an entry at the current offset and writes its local header. */
  private async start(fields: Omit<ZipEntry, 'offset' | 'zip64'> & { zip64?: boolean }): Promise<ZipEntry> {
    const entry: ZipEntry = { ...fields, offset: this.offset, zip64: fields.zip64 ?? false };
    this.entries.push(entry);
    await this.write(localHeader(entry, this.stamp));
    return entry;
  }

  /** Runs `task` after every task queued before it; after a failure, every later one fails too. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.failure !== undefined) throw new Error('an earlier zip entry failed', { cause: this.failure });
      try {
        await task();
      } catch (error) {
        this.failure ??= error;
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Gathers chunks into writes of ~64 KiB: a file write per header and per 2.5 KB body cost more
   * than the rest of the zip. Waiting for 'drain' bounds what `out` queues to its highWaterMark.
   */
  private async write(chunk: Buffer): Promise<void> {
    if (this.out.errored) throw this.out.errored;
    this.offset += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= WRITE_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
