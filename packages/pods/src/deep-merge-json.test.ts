import { deepMergeJson, isJsonObject, isModelPointer, newerPointer } from './deep-merge-json';

describe('deepMergeJson', () => {
  it('merges objects key by key, recursively', () => {
    expect(deepMergeJson({ a: { x: 1, y: 1 }, mine: true }, { a: { y: 2, z: 3 }, theirs: 1 })).toEqual({
      a: { x: 1, y: 2, z: 3 },
      mine: true,
      theirs: 1,
    });
  });

  it('lets the pod win on scalars, arrays and type changes', () => {
    expect(deepMergeJson({ list: [1, 2], n: 1, o: { a: 1 } }, { list: [3], n: 2, o: 'text' })).toEqual({
      list: [3],
      n: 2,
      o: 'text',
    });
    expect(deepMergeJson([1], { a: 1 })).toEqual({ a: 1 });
  });
});

describe('newerPointer', () => {
  const p = (version: string, publishedAt: string) => ({ version, publishedAt });

  it('prefers the later publishedAt', () => {
    expect(newerPointer(p('b', '2027-01-01T00:00:00Z'), p('a', '2026-01-01T00:00:00Z'))).toBe('current');
    expect(newerPointer(p('a', '2026-01-01T00:00:00Z'), p('b', '2027-01-01T00:00:00Z'))).toBe('pod');
  });

  it('breaks a publishedAt tie by version id, and gives the pod an exact tie', () => {
    expect(newerPointer(p('2026-b', 'same'), p('2026-a', 'same'))).toBe('current');
    expect(newerPointer(p('2026-a', 'same'), p('2026-a', 'same'))).toBe('pod');
  });
});

describe('isModelPointer / isJsonObject', () => {
  it('recognises registry pointers only at models/<name>/latest.json', () => {
    expect(isModelPointer('models/digits/latest.json')).toBe(true);
    expect(isModelPointer('models/digits/versions/v1/latest.json')).toBe(false);
  });

  it('treats .json keys and JSON content types as JSON', () => {
    expect(isJsonObject('a.json')).toBe(true);
    expect(isJsonObject('a', 'application/vnd.api+json')).toBe(true);
    expect(isJsonObject('a.csv', 'text/csv')).toBe(false);
  });
});
