import {
  centralRecord,
  DEFLATE,
  dataDescriptor,
  dosStamp,
  endRecords,
  FLAG_DESCRIPTOR,
  type ZipEntry,
} from './zip-records';

const stamp = dosStamp(new Date(2026, 11, 1, 12, 30, 10));
const entry = (fields: Partial<ZipEntry>): ZipEntry => ({
  name: 'objects/000001',
  flags: 0,
  method: DEFLATE,
  crc: 0x12345678,
  compressed: 100,
  size: 200,
  offset: 0,
  zip64: false,
  ...fields,
});

describe('zip records', () => {
  it('stores an entry past 4 GiB in the zip64 extra field, and 0xffffffff in the 32-bit ones', () => {
    const record = centralRecord(entry({ offset: 5 * 2 ** 30, size: 2 ** 32 + 7, compressed: 2 ** 32 + 1 }), stamp);
    expect(record.readUInt32LE(20)).toBe(0xffffffff);
    expect(record.readUInt32LE(24)).toBe(0xffffffff);
    expect(record.readUInt32LE(42)).toBe(0xffffffff);
    const extra = 46 + 'objects/000001'.length;
    expect(record.readUInt16LE(extra)).toBe(0x0001);
    expect(record.readBigUInt64LE(extra + 4)).toBe(BigInt(2 ** 32 + 7));
    expect(record.readBigUInt64LE(extra + 12)).toBe(BigInt(2 ** 32 + 1));
    expect(record.readBigUInt64LE(extra + 20)).toBe(BigInt(5 * 2 ** 30));
  });

  it('keeps a small entry in the 32-bit fields, with its MS-DOS time', () => {
    const record = centralRecord(entry({ offset: 4096 }), stamp);
    expect(record.length).toBe(46 + 'objects/000001'.length);
    expect([record.readUInt32LE(20), record.readUInt32LE(24), record.readUInt32LE(42)]).toEqual([100, 200, 4096]);
    expect(record.readUInt16LE(12)).toBe((12 << 11) | (30 << 5) | 5);
    expect(record.readUInt16LE(14)).toBe((46 << 9) | (12 << 5) | 1);
  });

  it('writes a zip64 data descriptor for an entry whose local header is zip64', () => {
    const descriptor = dataDescriptor(
      entry({ flags: FLAG_DESCRIPTOR, zip64: true, size: 2 ** 33, compressed: 2 ** 33 }),
    );
    expect(descriptor.length).toBe(24);
    expect(descriptor.readBigUInt64LE(16)).toBe(BigInt(2 ** 33));
  });

  it('adds the zip64 end record and its locator when the directory starts past 4 GiB', () => {
    const start = 2 ** 32 + 10;
    const records = endRecords(3, start, 180);
    expect(records.length).toBe(56 + 20 + 22);
    expect(records.readUInt32LE(0)).toBe(0x06064b50);
    expect(records.readBigUInt64LE(48)).toBe(BigInt(start));
    expect(records.readUInt32LE(56)).toBe(0x07064b50);
    expect(records.readBigUInt64LE(64)).toBe(BigInt(start + 180));
    expect(records.readUInt32LE(76 + 16)).toBe(0xffffffff);
  });

  it('needs no zip64 end record for a small zip', () => {
    const records = endRecords(3, 1000, 180);
    expect(records.length).toBe(22);
    expect([records.readUInt16LE(10), records.readUInt32LE(12), records.readUInt32LE(16)]).toEqual([3, 180, 1000]);
  });
});
