import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { type Entry, openPromise, type ZipFile as ZipReader } from 'yauzl';
import { DESCRIPTOR_FILE, MANIFEST_FILE, objectEntry, PodIntegrityError } from './pod-format';
import { type ObjectHint, type PodReader, type PodWriter, readLimited } from './pod-io';
import { ZipWriter } from './zip-writer';

// Deflate runs at ~25 MB/s here (3× slower than storing, measured by bench-pods) and gains
// little on binary models or compressed data: only text-like objects are deflated. And only from
// 16 KiB: each entry's deflate stream costs ~0.5 ms to set up, more than a forecast record's
// whole copy (20,000 of them took 9 s of CPU to deflate, 2 s to store).
const TEXT_KEY = /\.(json|csv|tsv|txt|md|npy|html|xml|yml|yaml)$/i;
const TEXT_TYPE = /^(text\/|application\/(.+\+)?(json|xml|csv))/;
const DEFLATE_MIN_BYTES = 16 * 1024;
const MAX_DESCRIPTOR_BYTES = 64 * 1024;
const MAX_MANIFEST_BYTES = 1 << 30;

/** Writes a pod as one zip; written to `<path>.partial` and renamed, so a failed save leaves no zip. */
export class ZipPodWriter implements PodWriter {
  readonly location: string;
  readonly concurrency = 1;
  private readonly partial: string;
  private readonly file: WriteStream;
  private readonly zip: ZipWriter;

  constructor(private readonly path: string) {
    this.location = pathToFileURL(path).href;
    this.partial = `${path}.partial`;
    this.file = createWriteStream(this.partial);
    // Seen by the next write or by finish(); an early failure must not crash the process as unhandled.
    this.file.on('error', () => undefined);
    this.zip = new ZipWriter(this.file);
  }

  async writeObject(index: number, body: Readable | Buffer, size: number, hint: ObjectHint): Promise<void> {
    const deflate = size >= DEFLATE_MIN_BYTES && (TEXT_KEY.test(hint.key) || TEXT_TYPE.test(hint.contentType ?? ''));
    // Resolves once the body is handed to the file: at most one body per caller is held.
    if (Buffer.isBuffer(body)) await this.zip.addBuffer(objectEntry(index), body, { deflate });
    else await this.zip.addStream(objectEntry(index), body, size, { deflate });
  }

  async finish(manifest: Buffer, descriptor: Buffer): Promise<void> {
    await this.zip.addBuffer(MANIFEST_FILE, manifest, { deflate: true });
    await this.zip.addBuffer(DESCRIPTOR_FILE, descriptor, { deflate: false });
    await this.zip.end();
    await rename(this.partial, this.path);
  }

  async abort(): Promise<void> {
    this.file.destroy(new Error('the pod save was aborted'));
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
