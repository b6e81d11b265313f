import type { CsvObjects } from './csv-object';
import { fetchStart, ownedRows, type RangeBounds } from './owned-rows';

/** Bytes read past a shard's end at a time to find where its last row ends (rows are far shorter). */
const LOOKAHEAD = 64 * 1024;

/**
 * The bytes of the rows a shard owns (see ownedRows): one ranged GET of its range and a little
 * more, then further GETs only when its last row runs past that.
 */
export async function readOwnedRows(
  objects: CsvObjects,
  key: string,
  range: RangeBounds & { size: number },
): Promise<{ bytes: Uint8Array; begin: number }> {
  const offset = fetchStart(range);
  let to = Math.min(range.size, range.end + LOOKAHEAD);
  let bytes = await objects.read(key, offset, to);
  for (;;) {
    const owned = ownedRows(range, { bytes, offset, atEof: to >= range.size });
    if (owned !== 'need-more')
      return { bytes: bytes.subarray(owned.begin - offset, owned.finish - offset), begin: owned.begin };
    const more = await objects.read(key, to, Math.min(range.size, to + LOOKAHEAD));
    if (more.length === 0)
      throw new Error(`s3://${objects.bucket}/${key} ended at byte ${to}, before its size ${range.size}`);
    const joined = new Uint8Array(bytes.length + more.length);
    joined.set(bytes);
    joined.set(more, bytes.length);
    bytes = joined;
    to += more.length;
  }
}
