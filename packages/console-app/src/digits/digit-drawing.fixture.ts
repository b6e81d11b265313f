import { type Bitmap, BLOCK, blankBitmap, INPUT_SIDE, SIZE } from './bitmap';

/**
 * A 32×32 bitmap whose 4×4 blocks hold exactly `values` inked cells (the first ones of each block,
 * row by row): a drawing that downsamples to a given dataset row, for tests.
 */
export function bitmapWithCounts(values: readonly number[]): Bitmap {
  const bitmap = blankBitmap();
  values.forEach((count, block) => {
    const top = Math.floor(block / INPUT_SIDE) * BLOCK;
    const left = (block % INPUT_SIDE) * BLOCK;
    for (let i = 0; i < count; i++) bitmap[(top + Math.floor(i / BLOCK)) * SIZE + left + (i % BLOCK)] = 1;
  });
  return bitmap;
}

/** The bitmap's inked cells as horizontal runs (row y, columns x0..x1): strokes a pen can draw. */
export function inkRuns(bitmap: Bitmap): { y: number; x0: number; x1: number }[] {
  const runs: { y: number; x0: number; x1: number }[] = [];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (!bitmap[y * SIZE + x]) continue;
      const x0 = x;
      while (x + 1 < SIZE && bitmap[y * SIZE + x + 1]) x++;
      runs.push({ y, x0, x1: x });
    }
  }
  return runs;
}
