// How fast the disk creates files, for the small-objects pods bench, and waiting out the minutes
// after a mass deletion on ext4 without a journal (this machine's root and our CI VMs'), where
// every new file's inode search steps over each inode freed in the last 60 s — 360 s while its
// inode table block is not yet written back (`recently_deleted()` in fs/ext4/ialloc.c, used only
// without a journal). After deleting ~120,000 files (a previous bench's cleanup), creating an empty
// file here cost 1–2 ms of kernel time instead of ~0.1 ms for up to six minutes (perf:
// `find_inode_bit` → `recently_deleted`), and s3rver creates two per object: loads started in
// those minutes ran at 394–539 objects/s, after them at 662–923.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachLimit } from './pod-io';

/** The window of `recently_deleted()`: 60 s, plus 300 s while the inode's block is dirty. */
const RECENTLY_DELETED_S = 360;
/** A removal of at least this many files and folders slows the next creates for RECENTLY_DELETED_S. */
const MASS_DELETION = 10_000;
/** Touched after every mass deletion by a bench, in this or an earlier process. */
const MASS_DELETION_MARK = path.join(tmpdir(), 'serverless-ml-bench-mass-deletion');
/** Fewer empty files per second than this: still paying for a deletion the bench did not see (quiet: 10,000–27,000). */
const SETTLED_CREATES_PER_S = 8000;
/** How long to wait for the probe at most, after the mark's window: that window and a probe's margin. */
const MAX_PROBE_WAIT_S = RECENTLY_DELETED_S + 30;

/**
 * Removes a bench's folder; when it held MASS_DELETION entries or more, records when, so that a
 * later settleDisk, in any process, waits until those inodes can be reused.
 */
export function removeBenchFolder(dir: string): void {
  let entries = 0;
  try {
    entries = readdirSync(dir, { recursive: true }).length;
  } catch {
    // Already gone, or never made: nothing to count.
  }
  rmSync(dir, { recursive: true, force: true });
  if (entries >= MASS_DELETION) writeFileSync(MASS_DELETION_MARK, `${new Date().toISOString()} ${entries} ${dir}\n`);
}

/**
 * Creates 2,048 empty files in 32 new folders under `dir`, 16 at a time, as s3rver lays out a load
 * (one folder per day of records): files created per second. They stay until `dir` is removed, as
 * deleting them would slow the next creates.
 */
export async function diskCreatesPerS(dir: string): Promise<number> {
  const probe = mkdtempSync(path.join(dir, 'disk-probe-'));
  const folders = Array.from({ length: 32 }, (_, i) => path.join(probe, `d${i}`));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  const files = folders.flatMap((folder) => Array.from({ length: 64 }, (_, i) => path.join(folder, `f${i}`)));
  const started = performance.now();
  await forEachLimit(files, 16, (file) => writeFile(file, ''));
  return Math.round(files.length / ((performance.now() - started) / 1000));
}

/** Whether `dir` is on ext4 without a journal (Linux lists each journal in /proc/fs/jbd2). */
export function onExt4WithoutJournal(dir: string): boolean {
  if (process.platform !== 'linux' || !existsSync('/proc/fs/jbd2')) return false;
  const real = realpathSync(dir);
  const mount = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([, at]) => at && (real === at || real.startsWith(at === '/' ? at : `${at}/`)))
    .sort((a, b) => b[1].length - a[1].length)[0];
  if (mount?.[2] !== 'ext4' || !existsSync(mount[0])) return false;
  const device = path.basename(realpathSync(mount[0]));
  return !readdirSync('/proc/fs/jbd2').some((journal) => journal.startsWith(`${device}-`));
}

/** Seconds since the last recorded mass deletion, or Infinity. */
function sinceMassDeletionS(): number {
  try {
    return (Date.now() - statSync(MASS_DELETION_MARK).mtimeMs) / 1000;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Before measuring file creation in `dir`: on ext4 without a journal, waits until RECENTLY_DELETED_S
 * have passed since a bench's last mass deletion, then (for deletions it did not record) until a
 * probe creates SETTLED_CREATES_PER_S files/s, MAX_PROBE_WAIT_S at most; elsewhere only probes.
 * The probe alone is not enough: its 2,048 files find the free inodes ahead of the recently freed
 * ones, so it saw 10,600–14,300 files/s before two loads that slowed to 2,100–2,300 halfway.
 * Returns the seconds waited and the last probe's files per second.
 */
export async function settleDisk(
  dir: string,
  log: (line: string) => void,
): Promise<{ waitedS: number; filesPerS: number }> {
  const started = performance.now();
  const waited = () => (performance.now() - started) / 1000;
  const ext4WithoutJournal = onExt4WithoutJournal(dir);
  const left = RECENTLY_DELETED_S - sinceMassDeletionS();
  if (ext4WithoutJournal && left > 0) {
    log(
      `pods: waiting ${Math.ceil(left)} s: files a bench deleted ${Math.round(RECENTLY_DELETED_S - left)} s ago ` +
        `slow down new ones for ${RECENTLY_DELETED_S} s on ext4 without a journal…`,
    );
    await sleep(left * 1000);
  }
  // No `sync` first: written-back blocks shorten the window to 60 s, so a probe after one saw a
  // quick disk, and the load, dirtying the same blocks again, slowed down halfway (539 objects/s).
  let rate = await diskCreatesPerS(dir);
  if (!ext4WithoutJournal) return { waitedS: 0, filesPerS: rate };
  const probing = performance.now();
  while (rate < SETTLED_CREATES_PER_S && (performance.now() - probing) / 1000 < MAX_PROBE_WAIT_S) {
    log(
      `pods: the disk creates ${rate} files/s (on ext4 without a journal, files deleted in the last minutes ` +
        `slow down new ones); waiting for ${SETTLED_CREATES_PER_S}…`,
    );
    await sleep(15_000);
    rate = await diskCreatesPerS(dir);
  }
  if (rate < SETTLED_CREATES_PER_S) log(`pods: the disk still creates only ${rate} files/s; measuring anyway`);
  return { waitedS: Math.round(waited()), filesPerS: rate };
}
