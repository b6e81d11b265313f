import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { type Entry, openPromise, type ZipFile as ZipReader } from 'yauzl';
import { ZipFile } from 'yazl';
import { DESCRIPTOR_FILE, MANIFEST_FILE, objectEntry, PodIntegrityError } from './pod-format';
import { type ObjectHint, type PodReader, type PodWriter, readLimited } from './pod-io';

// Deflate runs at ~25 MB/s here (3× slower than storing, measured by bench-pods) and gains
// little on binary models or compressed data: only text-like objects are deflated.
const TEXT_KEY = /\.(json|csv|tsv|txt|md|npy|html|xml|yml|yaml)$/i;
const TEXT_TYPE = /^(text\/|application\/(.+\+)?(json|xml|csv))/;
const MAX_DESCRIPTOR_BYTES = 64 * 1024;
const MAX_MANIFEST_BYTES = 1 << 30;

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

  async writeObject(index: number, body: Readable, size: number, hint: ObjectHint): Promise<void> {
    const ended = new Promise<void>((resolve, reject) => {
      body.once('end', resolve);
      body.once('error', reject);
    });
    const compress = TEXT_KEY.test(hint.key) || TEXT_TYPE.test(hint.contentType ?? '');
    this.zip.addReadStream(body, objectEntry(index), { size, compressionLevel: compress ? 6 : 0 });
    // yazl reads entries in order; waiting for this one keeps a single object stream open at a time.
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
