import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

// DOS timestamps hold local wall-clock fields, so build the date from fields (not from an
// instant) and skip yazl's UTC extra field: the bytes then match in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const DIRECTORY_MODE = 0o40755;
const FILE_MODE = 0o100644;
// Shared objects are conventionally executable; dlopen does not need the bit, but tools that
// inspect the layer (ldd, file managers) expect it.
const LIBRARY_MODE = 0o100755;

/** Chooses a normalised Unix mode for a zip entry, ignoring the mode on this disk. */
export function entryMode(path: string): number {
  return /\.node$|\.so(\.\d+)*$/.test(path) ? LIBRARY_MODE : FILE_MODE;
}

/** Every ancestor folder of the given `/`-separated paths, sorted, so unzip recreates them with fixed modes. */
export function parentDirectories(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = posix.dirname(file); dir !== '.'; dir = posix.dirname(dir)) dirs.add(dir);
  }
  return [...dirs].sort();
}

/**
 * Zips `files` (relative to `srcDir`) so the same inputs always give the same bytes:
 * sorted entries, fixed timestamps and modes. Writes to a temp file and renames, so an
 * aborted run never leaves a fresh-looking partial zip behind.
 */
export async function writeDeterministicZip(srcDir: string, files: readonly string[], zipPath: string): Promise<void> {
  const zip = new ZipFile();
  const sorted = [...files].sort();
  for (const dir of parentDirectories(sorted)) {
    zip.addEmptyDirectory(dir, { mtime: FIXED_MTIME, mode: DIRECTORY_MODE, forceDosTimestamp: true });
  }
  for (const file of sorted) {
    zip.addFile(join(srcDir, file), file, {
      mtime: FIXED_MTIME,
      mode: entryMode(file),
      forceDosTimestamp: true,
      compressionLevel: 9,
    });
  }
  const partialPath = `${zipPath}.partial`;
  const failed = new Promise<never>((_, reject) => zip.once('error', reject));
  zip.end();
  try {
    await Promise.race([pipeline(zip.outputStream, createWriteStream(partialPath)), failed]);
  } catch (error) {
    rmSync(partialPath, { force: true });
    throw error;
  }
  renameSync(partialPath, zipPath);
}
