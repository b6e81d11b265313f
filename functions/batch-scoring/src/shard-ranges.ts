/** One shard: the rows whose first byte lies in `[start, end)` of the CSV object. */
export interface ShardRange {
  index: number;
  start: number;
  end: number;
}

/** At most this many shards: the Map's results (≈200 bytes each) must fit Step Functions' 256 KiB payload. */
export const MAX_SHARDS = 500;

/** How the caller sizes shards: a count, or about how many rows each (measured on a sample of lines). */
export interface ShardSizing {
  shards?: number;
  shardRows?: number;
}

/** Rows per shard when the caller says nothing. */
export const DEFAULT_SHARD_ROWS = 100_000;

/**
 * How many shards to cut `dataBytes` into: `shards` as given, or `shardRows` rows of
 * `bytesPerRow` each; never more than MAX_SHARDS, nor more shards than bytes.
 */
export function shardCount(dataBytes: number, bytesPerRow: number, sizing: ShardSizing): number {
  const wanted =
    sizing.shards ?? Math.ceil(dataBytes / Math.max(1, (sizing.shardRows ?? DEFAULT_SHARD_ROWS) * bytesPerRow));
  return Math.max(1, Math.min(wanted, MAX_SHARDS, dataBytes));
}

/** `count` contiguous, equal (±1 byte) ranges covering `[dataStart, size)`. */
export function shardRanges(dataStart: number, size: number, count: number): ShardRange[] {
  const bytes = size - dataStart;
  return Array.from({ length: count }, (_, index) => ({
    index,
    start: dataStart + Math.floor((index * bytes) / count),
    end: dataStart + Math.floor(((index + 1) * bytes) / count),
  }));
}
