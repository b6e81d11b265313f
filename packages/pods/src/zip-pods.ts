import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { type Entry, openPromise, type ZipFile as ZipReader } from 'yauzl';
import { ZipFile } from 'yazl';
import { DESCRIPTOR_FILE, MANIFEST_FILE, objectEntry, PodIntegrityError } from './pod-format';
import { type ObjectHint, type PodReader, type PodWriter, readLimited } from './pod-io';

// Deflate runs at ~25 MB/s here (3× slower than storing, measured by bench-pods) and gains
// little on binary models or compressed data: only text-like objects are deflated. And only from
// 16 KiB: each entry's deflate stream costs ~0.5 ms to set up, more than a forecast record's
// whole copy (20,000 of them took 9 s of CPU to deflate, 2 s to store).
const TEXT_KEY = /\.(json|csv|tsv|txt|md|npy|html|xml|yml|yaml)$/i;
const TEXT_TYPE = /^(text\/|application\/(.+\+)?(json|xml|csv))/;
const DEFLATE_MIN_BYTES = 16 * 1024;
const MAX_DESCRIPTOR_BYTES = 64 * 1024;
const MAX_MANIFEST_BYTES = 1 << 30;

/**
 * A read function for yazl that hands `stream` over once and then forgets it. yazl keeps every
 * entry's function until the zip ends; holding the stream there kept every object's stream and
 * bytes alive (600 MB for 20,000 objects). Its own scope, so the closure captures nothing else.
 */
function handOnce(stream: Readable): (done: (error: Error | null, stream: Readable) => void) => void {
  let pending: Readable | undefined = stream;
  return (done) => {
    const next = pending;
    pending = undefined;
    done(next ? null : new Error('a pod zip entry was read twice'), next ?? Readable.from([]));
  };
}

/** Writes a pod as one zip; written to `<path>.partial` and renamed, so a failed save leaves no zip. */
export class ZipPodWriter implements PodWriter {
  readonly location: string;
  readonly concurrency = 1;
  private readonly zip = new ZipFile();
  private readonly partial: string;
  private readonly written: Promise<void>;

  constructor(private readonly path: string) {
    this.location = pathToFileURL(path).href;
    this.partial = `${path}.partial`;
    const failed = new Promise<never>((_, reject) => this.zip.once('error', reject));
    this.written = Promise.race([pipeline(this.zip.outputStream, createWriteStream(this.partial)), failed]);
    // Observed in finish(); an early failure must not crash the process as unhandled.
    this.written.catch(() => undefined);
  }

  async writeObject(index: number, body: Readable | Buffer, size: number, hint: ObjectHint): Promise<void> {
    const stream = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    const ended = new Promise<void>((resolve, reject) => {
      stream.once('end', resolve);
      stream.once('error', reject);
    });
    const compress = size >= DEFLATE_MIN_BYTES && (TEXT_KEY.test(hint.key) || TEXT_TYPE.test(hint.contentType ?? ''));
    // yazl keeps every entry's name to the end as a Buffer.from() slice of Node's shared 8 KiB pool,
    // and each kept slice pins its slab with whatever else was cut from it (~1 KB per entry: 20 MB
    // for 20,000 objects). Buffer.poolSize is documented as settable: unpooled while yazl copies it.
    const poolSize = Buffer.poolSize;
    Buffer.poolSize = 0;
    try {
      this.zip.addReadStreamLazy(objectEntry(index), { size, compressionLevel: compress ? 6 : 0 }, handOnce(stream));
    } finally {
      Buffer.poolSize = poolSize;
    }
    // yazl reads entries in order; waiting for this one keeps at most one body per caller queued.
    await Promise.race([ended, this.written]);
  }

  async finish(manifest: Buffer, descriptor: Buffer): Promise<void> {
    this.zip.addBuffer(manifest, MANIFEST_FILE);
    this.zip.addBuffer(descriptor, DESCRIPTOR_FILE, { compress: false });
    this.zip.end();
    await this.written;
    await rename(this.partial, this.path);
  }

  async abort(): Promise<void> {
    this.zip.outputStream.unpipe();
    await rm(this.partial, { force: true });
  }
}

/** Reads a pod zip through its central directory: entries are streamed from disk, never loaded whole. */
export class ZipPodReader implements PodReader {
  private constructor(
    readonly location: string,
    private readonly zip: ZipReader,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Opens the zip; refuses files that are not zips (or are cut short: the central directory is at the end). */
  static async open(path: string): Promise<ZipPodReader> {
    const location = pathToFileURL(path).href;
    let zip: ZipReader;
    try {
      zip = await openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true });
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
        throw new Error(`${location} does not exist`);
      throw new PodIntegrityError(`${location} is not a readable zip (${String(error)}): truncated or not a pod`, {
        cause: error,
      });
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch (error) {
      zip.close();
      throw new PodIntegrityError(`${location}: damaged zip directory (${String(error)})`, { cause: error });
    }
    return new ZipPodReader(location, zip, entries);
  }

  async readDescriptor(): Promise<Buffer> {
    return readLimited(await this.stream(DESCRIPTOR_FILE), MAX_DESCRIPTOR_BYTES, DESCRIPTOR_FILE);
  }

  async readManifest(): Promise<Buffer> {
    return readLimited(await this.stream(MANIFEST_FILE), MAX_MANIFEST_BYTES, MANIFEST_FILE);
  }

  async openObject(index: number): Promise<{ body: Readable; size: number }> {
    const name = objectEntry(index);
    return { body: await this.stream(name), size: this.entry(name).uncompressedSize };
  }

  async close(): Promise<void> {
    this.zip.close();
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new PodIntegrityError(`${this.location} has no ${name}: not a pod, or an incomplete one`);
    return entry;
  }

  private async stream(name: string): Promise<Readable> {
    try {
      return await this.zip.openReadStreamPromise(this.entry(name));
    } catch (error) {
      if (error instanceof PodIntegrityError) throw error;
      throw new PodIntegrityError(`${this.location}: cannot read ${name} (${String(error)})`, { cause: error });
    }
  }
}
