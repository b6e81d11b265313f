// The drawing is kept as the dataset's own representation: a 32×32 bitmap (UCI optdigits, the
// source of scikit-learn's digits), which is split into 4×4 blocks to give the 8×8 model input.

/** Side of the drawing bitmap, in cells. */
export const SIZE = 32;
/** Side of one block that becomes one model input value (0..16 on cells). */
export const BLOCK = 4;
/** Side of the model input (8×8 values). */
export const INPUT_SIDE = SIZE / BLOCK;

/** A 32×32 bitmap, row-major, 1 = ink. */
export type Bitmap = Uint8Array;
/** A cell of the bitmap: column x, row y. */
export interface Cell {
  x: number;
  y: number;
}

/** A blank 32×32 bitmap. */
export const blankBitmap = (): Bitmap => new Uint8Array(SIZE * SIZE);

/** True when no cell is inked. */
export const isBlank = (bitmap: Bitmap): boolean => bitmap.every((v) => v === 0);

/** Inks the cells under a round pen `width` cells wide centred on `at` (clipped to the bitmap). */
export function paintDot(bitmap: Bitmap, at: Cell, width: number): void {
  const low = -Math.floor((width - 1) / 2);
  const high = Math.ceil((width - 1) / 2);
  const centre = (low + high) / 2;
  const radius2 = (width / 2) ** 2;
  for (let dy = low; dy <= high; dy++) {
    for (let dx = low; dx <= high; dx++) {
      // A disc through the cell centres: widths 1–3 are full squares, 4 and up lose their corners.
      if ((dx - centre) ** 2 + (dy - centre) ** 2 > radius2) continue;
      const x = at.x + dx;
      const y = at.y + dy;
      if (x >= 0 && x < SIZE && y >= 0 && y < SIZE) bitmap[y * SIZE + x] = 1;
    }
  }
}

/** Inks a straight stroke from `from` to `to` (Bresenham), so fast pointer moves leave no gaps. */
export function paintLine(bitmap: Bitmap, from: Cell, to: Cell, width: number): void {
  const dx = Math.abs(to.x - from.x);
  const dy = -Math.abs(to.y - from.y);
  const sx = from.x < to.x ? 1 : -1;
  const sy = from.y < to.y ? 1 : -1;
  let error = dx + dy;
  let { x, y } = from;
  for (;;) {
    paintDot(bitmap, { x, y }, width);
    if (x === to.x && y === to.y) return;
    const e2 = 2 * error;
    if (e2 >= dy) {
      error += dy;
      x += sx;
    }
    if (e2 <= dx) {
      error += dx;
      y += sy;
    }
  }
}

/**
 * The dataset's preprocessing: non-overlapping 4×4 blocks of the 32×32 bitmap, each giving the
 * count of its inked cells (0..16), row-major — the 64 numbers `POST /digits/predict` takes.
 */
export function downsample(bitmap: Bitmap): number[] {
  const values = new Array<number>(INPUT_SIDE * INPUT_SIDE).fill(0);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      if (bitmap[y * SIZE + x]) values[Math.floor(y / BLOCK) * INPUT_SIDE + Math.floor(x / BLOCK)] += 1;
    }
  }
  return values;
}

/** The inked cells' bounding box, or undefined for a blank bitmap. */
export function inkBox(bitmap: Bitmap): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let box: { x0: number; y0: number; x1: number; y1: number } | undefined;
  bitmap.forEach((v, i) => {
    if (!v) return;
    const x = i % SIZE;
    const y = Math.floor(i / SIZE);
    box = box
      ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) }
      : { x0: x, y0: y, x1: x, y1: y };
  });
  return box;
}

/**
 * Scales the ink to fill the 32×32 box (longer side 32 cells, aspect kept, centred; nearest
 * cell), as the dataset's digits were size-normalised before counting: a small digit drawn in a
 * corner then looks to the model like the ones it learned from. A full-height drawing is unchanged.
 */
export function fitToBox(bitmap: Bitmap): Bitmap {
  const box = inkBox(bitmap);
  if (!box) return bitmap.slice();
  const w = box.x1 - box.x0 + 1;
  const h = box.y1 - box.y0 + 1;
  const side = Math.max(w, h);
  const width = Math.round((w * SIZE) / side);
  const height = Math.round((h * SIZE) / side);
  const left = Math.floor((SIZE - width) / 2);
  const top = Math.floor((SIZE - height) / 2);
  const out = blankBitmap();
  for (let y = 0; y < height; y++) {
    const sy = box.y0 + Math.min(h - 1, Math.floor(((y + 0.5) * side) / SIZE));
    for (let x = 0; x < width; x++) {
      const sx = box.x0 + Math.min(w - 1, Math.floor(((x + 0.5) * side) / SIZE));
      out[(top + y) * SIZE + left + x] = bitmap[sy * SIZE + sx];
    }
  }
  return out;
}
