import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Bitmap, type Cell, SIZE } from './bitmap';

interface Props {
  bitmap: Bitmap;
  /** Bumped by the owner after each change, so the canvas repaints. */
  revision: number;
  /** Inks a stroke from one cell to another (the same cell for a dot). */
  onStroke: (from: Cell, to: Cell) => void;
}

const INK = [17, 24, 39];
const CURSOR = [29, 78, 216];

function cellAt(canvas: HTMLCanvasElement, clientX: number, clientY: number): Cell {
  // The content box: the border is not part of the drawing.
  const rect = canvas.getBoundingClientRect();
  const left = rect.left + canvas.clientLeft;
  const top = rect.top + canvas.clientTop;
  const clamp = (v: number) => Math.min(SIZE - 1, Math.max(0, Math.floor(v * SIZE)));
  return { x: clamp((clientX - left) / canvas.clientWidth), y: clamp((clientY - top) / canvas.clientHeight) };
}

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The 32×32 drawing bitmap shown cell for cell (what the model's preprocessing sees), drawn with a
 * mouse, finger or pen (pointer events), or with the keyboard: arrows move a cursor, Space lowers
 * or lifts the pen.
 */
export function DrawingCanvas({ bitmap, revision, onStroke }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<Cell | undefined>(undefined);
  const [cursor, setCursor] = useState<Cell | undefined>(undefined);
  const [penDown, setPenDown] = useState(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(SIZE, SIZE);
    bitmap.forEach((v, i) => {
      const atCursor = cursor && i === cursor.y * SIZE + cursor.x;
      const rgb = atCursor ? CURSOR : v ? INK : [255, 255, 255];
      image.data.set([...rgb, 255], i * 4);
    });
    ctx.putImageData(image, 0, 0);
  }, [bitmap, revision, cursor]);

  const onPointerDown = (e: TargetedPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = cellAt(e.currentTarget, e.clientX, e.clientY);
    last.current = at;
    onStroke(at, at);
  };
  const onPointerMove = (e: TargetedPointerEvent<HTMLCanvasElement>) => {
    const from = last.current;
    if (!from) return;
    const at = cellAt(e.currentTarget, e.clientX, e.clientY);
    if (at.x === from.x && at.y === from.y) return;
    last.current = at;
    onStroke(from, at);
  };
  const onPointerEnd = () => {
    last.current = undefined;
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLCanvasElement>) => {
    const at = cursor ?? { x: SIZE / 2, y: SIZE / 2 };
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      if (!penDown) onStroke(at, at);
      setPenDown(!penDown);
      setCursor(at);
      return;
    }
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const step = e.shiftKey ? 4 : 1;
    const to = {
      x: Math.min(SIZE - 1, Math.max(0, at.x + move[0] * step)),
      y: Math.min(SIZE - 1, Math.max(0, at.y + move[1] * step)),
    };
    if (penDown) onStroke(at, to);
    setCursor(to);
  };

  return (
    <canvas
      ref={canvas}
      class="draw-canvas"
      width={SIZE}
      height={SIZE}
      tabIndex={0}
      role="img"
      aria-label={`Drawing area, 32 by 32 cells. Keyboard: arrow keys move the cursor (Shift for 4 cells), Space lowers or lifts the pen. Pen is ${penDown ? 'down' : 'up'}.`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onKeyDown={onKeyDown}
      onBlur={() => {
        setCursor(undefined);
        setPenDown(false);
      }}
    />
  );
}
