/**
 * Mulberry32: a tiny seeded PRNG (uniform in [0, 1)). Training must not touch Math.random, so the
 * same data, parameters and seed give byte-identical models.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indexes from 0..n−1, in increasing order, drawn with `random` (partial Fisher–Yates). */
export function sampleIndexes(n: number, count: number, random: () => number): Uint32Array {
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, count).sort();
}
