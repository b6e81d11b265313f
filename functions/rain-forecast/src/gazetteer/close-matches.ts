import type { GazetteerCity, GazetteerIndex } from './gazetteer-index';

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `count` cities whose name starts with `key` or is within two edits of it — among names
 * sharing its first letter, which keeps this to a few thousand comparisons instead of 135k.
 */
export function closeMatches(index: GazetteerIndex, key: string, count: number): GazetteerCity[] {
  if (key === '') return [];
  const scored = new Map<number, number>();
  for (const row of index.rows(key)) scored.set(row, 0);
  const limit = key.length <= 4 ? 1 : 2;
  for (const row of index.rows(key[0])) {
    if (scored.has(row)) continue;
    const d = editDistance(key, index.key(row), limit);
    if (d <= limit) scored.set(row, d);
  }
  return [...scored]
    .map(([row, score]) => ({ city: index.city(row), score }))
    .sort((a, b) => a.score - b.score || b.city.population - a.city.population)
    .slice(0, count)
    .map((s) => s.city);
}
