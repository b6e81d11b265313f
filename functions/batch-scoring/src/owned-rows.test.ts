import { type FetchedBytes, fetchStart, ownedRows } from './owned-rows';
import { shardCount, shardRanges } from './shard-ranges';

const bytes = (text: string) => new TextEncoder().encode(text);

/** What a shard reads: `step` bytes from its fetch start, then `step` more each time it needs more. */
function readShard(object: Uint8Array, range: { start: number; end: number; dataStart: number }, step: number) {
  const offset = fetchStart(range);
  for (let to = Math.min(object.length, range.end + step); ; to = Math.min(object.length, to + step)) {
    const fetched: FetchedBytes = { bytes: object.subarray(offset, to), offset, atEof: to === object.length };
    const owned = ownedRows(range, fetched);
    if (owned !== 'need-more') return new TextDecoder().decode(object.subarray(owned.begin, owned.finish));
  }
}

/** Every shard's rows, in order, for `count` shards of the object's data. */
function split(text: string, dataStart: number, count: number, step = 3): string[] {
  const object = bytes(text);
  return shardRanges(dataStart, object.length, count).map((r) => readShard(object, { ...r, dataStart }, step));
}

describe('ownedRows', () => {
  const rows = ['1,2,3\n', '44,55,66\n', '7,8,9\n', '1000,2000,3000\n', '5,5,5\n'];
  const csv = rows.join('');

  it('gives every row to exactly one shard, whatever the number of shards', () => {
    for (let count = 1; count <= csv.length; count++) {
      const parts = split(csv, 0, count);
      expect(parts.join('')).toBe(csv);
      // Each part is whole rows: empty, or ending with the line break of its last row.
      for (const part of parts) expect(part === '' || part.endsWith('\n')).toBe(true);
    }
  });

  it('gives a row split across a boundary to the shard its first byte is in', () => {
    // Two ranges cut at byte 8, inside "44,55,66\n" (bytes 6–14): that row belongs to the first.
    const object = bytes(csv);
    const first = readShard(object, { start: 0, end: 8, dataStart: 0 }, 2);
    const second = readShard(object, { start: 8, end: object.length, dataStart: 0 }, 2);
    expect(first).toBe('1,2,3\n44,55,66\n');
    expect(second).toBe(rows.slice(2).join(''));
  });

  it('starts a shard with the row that begins exactly at its first byte', () => {
    const object = bytes(csv);
    expect(readShard(object, { start: 6, end: 15, dataStart: 0 }, 4)).toBe('44,55,66\n');
    expect(readShard(object, { start: 5, end: 6, dataStart: 0 }, 4)).toBe('');
  });

  it('keeps CRLF line ends with their rows', () => {
    const crlf = rows.map((r) => r.replace('\n', '\r\n')).join('');
    for (let count = 1; count <= 12; count++) {
      const parts = split(crlf, 0, count);
      expect(parts.join('')).toBe(crlf);
      for (const part of parts) expect(part === '' || part.endsWith('\r\n')).toBe(true);
    }
  });

  it('never hands out the header: shards cover only the bytes after it', () => {
    const header = 'a,b,c\n';
    for (let count = 1; count <= 10; count++) {
      expect(split(header + csv, header.length, count).join('')).toBe(csv);
    }
  });

  it('ends the last row at the end of the object when it has no final line break', () => {
    const open = csv.slice(0, -1);
    for (let count = 1; count <= 8; count++) expect(split(open, 0, count, 1).join('')).toBe(open);
  });

  it('gives no rows to shards inside one long row, and that row to the shard where it starts', () => {
    const long = `x,${'9'.repeat(100)}\n1,2\n`;
    const parts = split(long, 0, 20);
    expect(parts.join('')).toBe(long);
    expect(parts[0]).toBe(`x,${'9'.repeat(100)}\n`);
    expect(parts.filter((p) => p === '').length).toBeGreaterThan(10);
  });

  it('handles multi-byte UTF-8 cut in the middle of a character', () => {
    const text = 'é,ü,€\nñ,ß,✓\n日本,語,x\n';
    for (let count = 1; count <= bytes(text).length; count++) expect(split(text, 0, count).join('')).toBe(text);
  });
});

describe('shardRanges and shardCount', () => {
  it('covers the data with contiguous ranges', () => {
    const ranges = shardRanges(10, 1010, 3);
    expect(ranges).toEqual([
      { index: 0, start: 10, end: 343 },
      { index: 1, start: 343, end: 676 },
      { index: 2, start: 676, end: 1010 },
    ]);
  });

  it('sizes shards by rows from the bytes per row, capped by the data and by MAX_SHARDS', () => {
    expect(shardCount(1_000_000, 50, { shardRows: 1000 })).toBe(20);
    expect(shardCount(1_000_000, 50, { shards: 7 })).toBe(7);
    expect(shardCount(5, 50, { shards: 7 })).toBe(5);
    expect(shardCount(1e9, 10, { shardRows: 1 })).toBe(500);
    expect(shardCount(5_000_000, 50, {})).toBe(1);
  });
});
