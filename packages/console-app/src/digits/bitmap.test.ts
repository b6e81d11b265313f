import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { blankBitmap, downsample, fitToBox, inkBox, isBlank, paintDot, paintLine, SIZE } from './bitmap';
import { bitmapWithCounts, inkRuns } from './digit-drawing.fixture';

const DIGITS = path.resolve(__dirname, '../../../../data/digits.csv.gz');
const rows = gunzipSync(readFileSync(DIGITS))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(',').map(Number));

/** A drawing from ASCII art: '#' is ink; rows shorter than 32 are padded with blanks. */
function drawing(lines: string[]) {
  const bitmap = blankBitmap();
  lines.forEach((line, y) => {
    [...line].forEach((ch, x) => {
      if (ch === '#') bitmap[y * SIZE + x] = 1;
    });
  });
  return bitmap;
}

describe('downsample', () => {
  it('counts the inked cells of each 4×4 block, as the optdigits preprocessing does', () => {
    // A vertical bar over columns 14..17: two columns in block column 3, two in block column 4.
    const bar = drawing(Array.from({ length: SIZE }, () => `${' '.repeat(14)}####`));
    const expected = Array.from({ length: 64 }, (_, i) => (i % 8 === 3 || i % 8 === 4 ? 8 : 0));
    expect(downsample(bar)).toEqual(expected);
  });

  it('gives 4 per block along a one-cell diagonal and 16 for a full block', () => {
    const diagonal = drawing(Array.from({ length: SIZE }, (_, y) => `${' '.repeat(y)}#`));
    const full = drawing(['####', '####', '####', '####']);
    expect(downsample(diagonal)).toEqual(Array.from({ length: 64 }, (_, i) => (i % 9 === 0 ? 4 : 0)));
    expect(downsample(full)).toEqual([16, ...new Array(63).fill(0)]);
  });

  it('gives back every row of the digits dataset from a drawing with those block counts', () => {
    expect(rows).toHaveLength(1797);
    const mismatches = rows.filter(
      (row) => downsample(bitmapWithCounts(row.slice(0, 64))).join() !== row.slice(0, 64).join(),
    );
    expect(mismatches).toEqual([]);
  });
});

describe('paintLine', () => {
  it('inks exactly the cells of a horizontal stroke with a one-cell pen', () => {
    const bitmap = blankBitmap();
    paintLine(bitmap, { x: 3, y: 5 }, { x: 9, y: 5 }, 1);
    expect(inkRuns(bitmap)).toEqual([{ y: 5, x0: 3, x1: 9 }]);
  });

  it('leaves no gap along a steep stroke and clips the pen at the edges', () => {
    const bitmap = blankBitmap();
    paintLine(bitmap, { x: 0, y: 0 }, { x: 3, y: 31 }, 3);
    for (let y = 0; y < SIZE; y++) expect(bitmap.slice(y * SIZE, y * SIZE + SIZE).some((v) => v === 1)).toBe(true);
    expect(inkBox(bitmap)).toEqual({ x0: 0, y0: 0, x1: 4, y1: 31 });
  });

  it('rounds a wide pen: a 4-cell dot has no corners', () => {
    const bitmap = blankBitmap();
    paintDot(bitmap, { x: 10, y: 10 }, 4);
    expect(downsample(bitmap).reduce((a, b) => a + b, 0)).toBe(12);
    expect(bitmap[9 * SIZE + 9]).toBe(0);
  });
});

describe('fitToBox', () => {
  it('scales a small drawing up to the full height, centred, keeping its aspect', () => {
    const small = drawing(['', '', ' ##', ' ##', ' ##', ' ##']); // 2 wide, 4 high
    const fitted = fitToBox(small);
    expect(inkBox(fitted)).toEqual({ x0: 8, y0: 0, x1: 23, y1: 31 });
    expect(downsample(fitted)).toEqual(Array.from({ length: 64 }, (_, i) => (i % 8 >= 2 && i % 8 <= 5 ? 16 : 0)));
  });

  it('leaves a drawing that already spans the box unchanged, and a blank one blank', () => {
    const edge = '#'.repeat(SIZE);
    const frame = drawing([edge, ...Array.from({ length: SIZE - 2 }, () => `#${' '.repeat(SIZE - 2)}#`), edge]);
    expect(fitToBox(frame)).toEqual(frame);
    expect(isBlank(fitToBox(blankBitmap()))).toBe(true);
  });
});
