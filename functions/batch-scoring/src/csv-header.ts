import { ValidationError } from '@serverless-ml/errors';

const LF = 0x0a;

/** The first line's cells: BOM, CR and surrounding spaces dropped (a header has no quoted names). */
function firstLineCells(sample: Uint8Array): { cells: string[]; next: number } | undefined {
  const lf = sample.indexOf(LF);
  if (lf < 0) return undefined;
  const line = new TextDecoder()
    .decode(sample.subarray(0, lf))
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '');
  return { cells: line.split(',').map((cell) => cell.trim()), next: lf + 1 };
}

/**
 * Where the rows start: after the first line when it is the header (the model's feature names in
 * order), else at byte 0. A first line that names some features but not exactly them is a 400,
 * as on the invocations endpoint: scoring it as a row would fail in a shard, much later.
 */
export function dataStartOf(sample: Uint8Array, features: string[], target?: string): number {
  const first = firstLineCells(sample);
  if (!first) return 0;
  const { cells, next } = first;
  if (cells.length === features.length && cells.every((cell, i) => cell === features[i])) return next;
  const named = cells.filter((cell) => features.includes(cell) || cell === target);
  if (named.length === 0) return 0;
  const withTarget = target !== undefined && cells.includes(target) ? `, without the target ${target}` : '';
  throw new ValidationError(
    `the CSV's first line looks like a header (it names ${named.join(', ')}), but the columns must be exactly: ` +
      `${features.join(', ')}${withTarget} — or have no header`,
  );
}

/** Average bytes per line in `sample` from `from` (whole lines only; the whole sample when it has one). */
export function bytesPerRow(sample: Uint8Array, from: number): number {
  let lines = 0;
  let last = from;
  for (let i = sample.indexOf(LF, from); i >= 0; i = sample.indexOf(LF, i + 1)) {
    lines++;
    last = i + 1;
  }
  return lines === 0 ? Math.max(1, sample.length - from) : (last - from) / lines;
}
