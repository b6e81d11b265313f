import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { type Bitmap, SIZE } from '../../../packages/console-app/src/digits/bitmap';
import { inkRuns } from '../../../packages/console-app/src/digits/digit-drawing.fixture';
import { ROOT } from './console-stack';

/** Row `index` of data/digits.csv.gz: 64 pixel values and the label. */
export function digitsRow(index: number): { pixels: number[]; label: number } {
  const lines = gunzipSync(readFileSync(path.join(ROOT, 'data/digits.csv.gz')))
    .toString('utf8')
    .trim()
    .split('\n');
  const values = lines[index].split(',').map(Number);
  return { pixels: values.slice(0, 64), label: values[64] };
}

/** Draws a bitmap on the console's canvas with the mouse: one stroke per horizontal run of ink. */
export async function drawWithMouse(page: Page, bitmap: Bitmap): Promise<number> {
  const box = await page.locator('canvas.draw-canvas').evaluate((c: HTMLCanvasElement) => {
    const r = c.getBoundingClientRect();
    return { left: r.left + c.clientLeft, top: r.top + c.clientTop, size: c.clientWidth };
  });
  const at = (cell: number) => ((cell + 0.5) * box.size) / SIZE;
  const runs = inkRuns(bitmap);
  for (const run of runs) {
    await page.mouse.move(box.left + at(run.x0), box.top + at(run.y));
    await page.mouse.down();
    if (run.x1 > run.x0) {
      await page.mouse.move(box.left + at(run.x1), box.top + at(run.y), { steps: run.x1 - run.x0 });
    }
    await page.mouse.up();
  }
  return runs.length;
}

/** Swipes a finger across the canvas from one point to another (fractions of its size), as touch events. */
export async function swipeWithFinger(page: Page, from: [number, number], to: [number, number], steps = 12) {
  const box = await page.locator('canvas.draw-canvas').boundingBox();
  if (!box) throw new Error('the drawing canvas is not visible');
  const point = (t: number) => ({
    x: box.x + box.width * (from[0] + (to[0] - from[0]) * t),
    y: box.y + box.height * (from[1] + (to[1] - from[1]) * t),
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(0)] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(i / steps)] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
