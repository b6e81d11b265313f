import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** Unix mode (type and permission bits) stored by the zip writer. */
  mode: number;
  isDirectory: boolean;
  /** Decompresses the entry's bytes on demand: the layer's .so is ~46 MB. */
  read: () => Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const DEFLATE = 8;

/**
 * Lists a zip's entries from its central directory. Only what the layer zip uses is handled
 * (stored or deflated entries, no zip64), which keeps tests free of a zip reader dependency.
 */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(uint32(END_OF_CENTRAL_DIRECTORY));
  if (end < 0) throw new Error('Not a zip: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error(`Bad central header at ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    // The local header repeats name and extra field with their own lengths, so read them there.
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({
      name,
      mode: zip.readUInt32LE(offset + 38) >>> 16,
      isDirectory: name.endsWith('/'),
      read: () => (method === DEFLATE ? inflateRawSync(data) : Buffer.from(data)),
    });
    offset += 46 + skip;
  }
  return entries;
}

/** Unpacks a zip into `destDir` with its stored modes, as Lambda does under /opt. */
export function extractZip(zip: Buffer, destDir: string): void {
  for (const entry of readZipEntries(zip)) {
    const target = join(destDir, entry.name);
    if (entry.isDirectory) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.read());
    chmodSync(target, entry.mode & 0o777);
  }
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
