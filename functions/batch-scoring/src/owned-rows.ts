const LF = 0x0a;

/** A shard's range and where the data (after any header) begins. */
export interface RangeBounds {
  start: number;
  end: number;
  dataStart: number;
}

/** Bytes read so far: `bytes` are the object's bytes from `offset`; `atEof` when they reach its end. */
export interface FetchedBytes {
  bytes: Uint8Array;
  offset: number;
  atEof: boolean;
}

/** Where a shard's rows are in the object (`[begin, finish)`), or that more bytes must be read first. */
export type OwnedRows = { begin: number; finish: number } | 'need-more';

/** The byte a shard starts reading at: one before its range, to see whether a row starts exactly there. */
export const fetchStart = ({ start, dataStart }: RangeBounds) => (start > dataStart ? start - 1 : start);

/** The object position of the first LF at or after `from`, or -1 when the bytes end first. */
function lfFrom(fetched: FetchedBytes, from: number): number {
  const at = fetched.bytes.indexOf(LF, Math.max(0, from - fetched.offset));
  return at < 0 ? -1 : fetched.offset + at;
}

/**
 * The rows a shard owns: those whose first byte lies in `[start, end)`. A row starts at the data's
 * first byte or right after an LF (CRLF ends with one too, and no UTF-8 sequence holds 0x0A), so
 * the rows of adjacent shards neither overlap nor leave a gap, whatever line the cut falls in.
 * The last owned row ends at the first LF at or after `end - 1`: reading runs past `end` until then.
 * Assumes one record per line (no line break inside a quoted field).
 */
export function ownedRows(range: RangeBounds, fetched: FetchedBytes): OwnedRows {
  const { start, end, dataStart } = range;
  let begin = start;
  if (start > dataStart) {
    const lf = lfFrom(fetched, start - 1);
    if (lf < 0) return fetched.atEof ? { begin: end, finish: end } : 'need-more';
    begin = lf + 1;
  }
  // A row that began before `start` ran through the whole range: this shard owns none.
  if (begin >= end) return { begin, finish: begin };
  const lf = lfFrom(fetched, end - 1);
  if (lf >= 0) return { begin, finish: lf + 1 };
  return fetched.atEof ? { begin, finish: fetched.offset + fetched.bytes.length } : 'need-more';
}
