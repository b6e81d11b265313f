/** A quantized TopoJSON topology (as us-atlas ships): arcs delta-encoded on an integer grid. */
export interface QuantizedTopology {
  type: 'Topology';
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, unknown>;
  bbox?: number[];
}

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  const [ex, ey] = [a[0] + t * dx - p[0], a[1] + t * dy - p[1]];
  return ex * ex + ey * ey;
}

/** Douglas–Peucker: the indexes of `points` kept within `tolerance2` (squared) of the original line. */
function keptIndexes(points: number[][], tolerance2: number): number[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = tolerance2;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(points[i], points[from], points[to]);
      if (d > worstDistance) [worst, worstDistance] = [i, d];
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([from, worst], [worst, to]);
  }
  return points.flatMap((_, i) => (keep[i] ? [i] : []));
}

/**
 * The topology with each arc simplified (Douglas–Peucker) to within `tolerance` degrees. Arc ends
 * are always kept, so arcs that met still meet and borders stay closed. us-atlas's 10m outlines
 * hold ~12,000 points; the map draws ~0.1° a pixel, so a tolerance of a few hundredths of a degree
 * is invisible and keeps the SVG small.
 */
export function simplifyTopology<T extends QuantizedTopology>(topology: T, tolerance: number): T {
  const [sx, sy] = topology.transform.scale;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const absolute = arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x, y];
    });
    const inDegrees = absolute.map(([ax, ay]) => [ax * sx, ay * sy]);
    const kept = keptIndexes(inDegrees, tolerance * tolerance).map((i) => absolute[i]);
    return kept.map(([ax, ay], i) => (i === 0 ? [ax, ay] : [ax - kept[i - 1][0], ay - kept[i - 1][1]]));
  });
  return { ...topology, arcs };
}
