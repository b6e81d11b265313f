import { gzipSync } from 'node:zlib';
import { readDigitsCsv } from './digits-csv';

describe('readDigitsCsv', () => {
  const line = (label: number) =>
    [...Array(64).keys()]
      .map((i) => i % 17)
      .concat(label)
      .join(',');

  it('reads gzipped rows into features and labels', () => {
    const data = readDigitsCsv(gzipSync(`${line(3)}\n${line(7)}\n`));
    expect(data.rows).toBe(2);
    expect(data.featureCount).toBe(64);
    expect(Array.from(data.labels)).toEqual([3, 7]);
    expect(data.features[64 + 16]).toBe(16);
  });

  it('names the line with a missing column', () => {
    expect(() => readDigitsCsv(Buffer.from(`${line(1)}\n1,2,3\n`))).toThrow(/line 2 has 3 columns/);
  });
});
