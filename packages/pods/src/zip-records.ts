// The records of a zip (PKWARE APPNOTE 6.3.x, sections 4.3.7–4.3.16), with zip64 past 4 GiB or
// 65,535 entries. Pure encoders: the writer decides where they go.

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
const ZIP64_EXTRA = 0x0001;
export const MAX_U32 = 0xffffffff;
const MAX_U16 = 0xffff;
/** Bit 3: sizes and CRC follow the data (a streamed entry); bit 11: the name is UTF-8. */
export const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
export const STORE = 0;
export const DEFLATE = 8;
/** "Made by" Unix (3) with spec 4.5, so the external attributes read as a mode: a regular 0644 file. */
const MADE_BY = (3 << 8) | 45;
const FILE_MODE = (0o100644 << 16) >>> 0;

/** One entry as the central directory describes it; ~100 bytes each, no Buffer kept. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
  /** Its local header carries zip64 sizes (so does its data descriptor). */
  zip64: boolean;
}

/** MS-DOS date and time, as every zip header stores them (local time, 2-second steps, from 1980). */
export interface DosStamp {
  time: number;
  date: number;
}

export function dosStamp(date: Date): DosStamp {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((Math.max(date.getFullYear(), 1980) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The local file header; a streamed entry's CRC and sizes are zero here and follow in its descriptor. */
export function localHeader(entry: ZipEntry, stamp: DosStamp): Buffer {
  const nameLength = Buffer.byteLength(entry.name);
  const extra = entry.zip64 ? 20 : 0;
  const header = Buffer.alloc(30 + nameLength + extra);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
  header.writeUInt16LE(entry.flags | FLAG_UTF8, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(stamp.time, 10);
  header.writeUInt16LE(stamp.date, 12);
  header.writeUInt32LE(entry.crc, 14);
  header.writeUInt32LE(entry.zip64 ? MAX_U32 : entry.compressed, 18);
  header.writeUInt32LE(entry.zip64 ? MAX_U32 : entry.size, 22);
  header.writeUInt16LE(nameLength, 26);
  header.writeUInt16LE(extra, 28);
  header.write(entry.name, 30, 'utf8');
  if (entry.zip64) {
    // Both sizes, left zero: the data descriptor carries them.
    header.writeUInt16LE(ZIP64_EXTRA, 30 + nameLength);
    header.writeUInt16LE(16, 32 + nameLength);
  }
  return header;
}

/** The data descriptor after a streamed entry's data: its CRC and sizes (64-bit when zip64). */
export function dataDescriptor(entry: ZipEntry): Buffer {
  const descriptor = Buffer.alloc(entry.zip64 ? 24 : 16);
  descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
  descriptor.writeUInt32LE(entry.crc, 4);
  if (entry.zip64) {
    descriptor.writeBigUInt64LE(BigInt(entry.compressed), 8);
    descriptor.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
  }
  return descriptor;
}

/** The entry's central directory record. */
export function centralRecord(entry: ZipEntry, stamp: DosStamp): Buffer {
  const nameLength = Buffer.byteLength(entry.name);
  const zip64 = entry.zip64 || entry.size >= MAX_U32 || entry.compressed >= MAX_U32 || entry.offset >= MAX_U32;
  const extra = zip64 ? 28 : 0;
  const record = Buffer.alloc(46 + nameLength + extra);
  record.writeUInt32LE(CENTRAL_HEADER, 0);
  record.writeUInt16LE(MADE_BY, 4);
  record.writeUInt16LE(zip64 ? 45 : 20, 6);
  record.writeUInt16LE(entry.flags | FLAG_UTF8, 8);
  record.writeUInt16LE(entry.method, 10);
  record.writeUInt16LE(stamp.time, 12);
  record.writeUInt16LE(stamp.date, 14);
  record.writeUInt32LE(entry.crc, 16);
  record.writeUInt32LE(zip64 ? MAX_U32 : entry.compressed, 20);
  record.writeUInt32LE(zip64 ? MAX_U32 : entry.size, 24);
  record.writeUInt16LE(nameLength, 28);
  record.writeUInt16LE(extra, 30);
  // 32: comment length, 34: disk number, 36: internal attributes — all zero.
  record.writeUInt32LE(FILE_MODE, 38);
  record.writeUInt32LE(zip64 ? MAX_U32 : entry.offset, 42);
  record.write(entry.name, 46, 'utf8');
  if (zip64) {
    const at = 46 + nameLength;
    record.writeUInt16LE(ZIP64_EXTRA, at);
    record.writeUInt16LE(24, at + 2);
    record.writeBigUInt64LE(BigInt(entry.size), at + 4);
    record.writeBigUInt64LE(BigInt(entry.compressed), at + 12);
    record.writeBigUInt64LE(BigInt(entry.offset), at + 20);
  }
  return record;
}

/**
 * The end of central directory record for `count` entries whose directory spans `length` bytes
 * from `start`; preceded by the zip64 record and its locator when a field overflows.
 */
export function endRecords(count: number, start: number, length: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(Math.min(count, MAX_U16), 8);
  end.writeUInt16LE(Math.min(count, MAX_U16), 10);
  end.writeUInt32LE(Math.min(length, MAX_U32), 12);
  end.writeUInt32LE(Math.min(start, MAX_U32), 16);
  if (count < MAX_U16 && start < MAX_U32 && length < MAX_U32) return end;
  const zip64 = Buffer.alloc(56 + 20);
  zip64.writeUInt32LE(ZIP64_END, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE(MADE_BY, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(count), 24);
  zip64.writeBigUInt64LE(BigInt(count), 32);
  zip64.writeBigUInt64LE(BigInt(length), 40);
  zip64.writeBigUInt64LE(BigInt(start), 48);
  // The locator: where the zip64 record starts (right after the directory), on disk 1 of 1.
  zip64.writeUInt32LE(ZIP64_LOCATOR, 56);
  zip64.writeBigUInt64LE(BigInt(start + length), 64);
  zip64.writeUInt32LE(1, 72);
  return Buffer.concat([zip64, end]);
}
