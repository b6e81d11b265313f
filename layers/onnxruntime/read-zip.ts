import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fromBufferPromise } from 'yauzl';

/** One entry of a zip's central directory, as yauzl reads it. */
export interface ZipEntry {
  name: string;
  /** Unix mode (type and permission bits) stored by the zip writer. */
  mode: number;
  isDirectory: boolean;
  /** Decompresses the entry's bytes on demand: the layer's .so is ~46 MB. */
  read: () => Promise<Buffer>;
}

/** Lists a zip's entries (from a path or its bytes) with yauzl, a reader independent of our writer. */
export async function readZipEntries(zip: string | Buffer): Promise<ZipEntry[]> {
  // A buffer-backed zipfile holds no fd, so `read()` works after listing and nothing needs closing.
  const zipfile = await fromBufferPromise(typeof zip === 'string' ? await readFile(zip) : zip);
  const entries: ZipEntry[] = [];
  for await (const entry of zipfile.eachEntry()) {
    entries.push({
      name: entry.fileName,
      // The high 16 bits of the external attributes hold the Unix st_mode when made on Unix.
      mode: entry.externalFileAttributes >>> 16,
      isDirectory: entry.fileName.endsWith('/'),
      read: async () => buffer(await zipfile.openReadStreamPromise(entry)),
    });
  }
  return entries;
}

/** Unpacks a zip into `destDir` with its stored modes, as Lambda does under /opt. */
export async function extractZip(zip: string | Buffer, destDir: string): Promise<void> {
  for (const entry of await readZipEntries(zip)) {
    const target = join(destDir, entry.name);
    if (entry.isDirectory) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await entry.read());
    await chmod(target, entry.mode & 0o777);
  }
}
