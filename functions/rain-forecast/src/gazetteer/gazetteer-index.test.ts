import { encodeGazetteer } from '../../gazetteer/build-gazetteer.cjs';
import { GazetteerIndex } from './gazetteer-index';

const cities = [
  { name: 'Springfield', country: 'US', population: 116565, latitude: 39.80172, longitude: -89.64371 },
  { name: 'Springfield', country: 'US', population: 166810, latitude: 37.21533, longitude: -93.29824 },
  { name: 'Zürich', country: 'CH', population: 341730, latitude: 47.36667, longitude: 8.55 },
  { name: 'Suva', country: 'FJ', population: 77366, latitude: -18.14161, longitude: 178.44149 },
  { name: 'Apia', country: 'WS', population: 40407, latitude: -13.83333, longitude: -171.76666 },
];

describe('GazetteerIndex', () => {
  const index = GazetteerIndex.fromBytes(encodeGazetteer(cities));

  it('round-trips every city through the file format', () => {
    const all = Array.from({ length: index.size }, (_, i) => index.city(i));
    expect(all).toEqual(expect.arrayContaining(cities));
    expect(index.size).toBe(cities.length);
  });

  it('finds a normalised key, most populous first', () => {
    expect(index.rows('springfield', true).map((r) => index.city(r).population)).toEqual([166810, 116565]);
    expect(index.rows('zurich', true).map((r) => index.city(r).name)).toEqual(['Zürich']);
    expect(index.rows('spring', true)).toEqual([]);
    expect(index.rows('spring')).toHaveLength(2);
  });

  it('finds the nearest city across the antimeridian', () => {
    const { row, distanceKm } = index.nearest({ latitude: -17, longitude: -179.5 });
    expect(index.city(row).name).toBe('Suva');
    expect(distanceKm).toBeGreaterThan(100);
    expect(distanceKm).toBeLessThan(300);
  });

  it('reads bytes that do not start on a 4-byte boundary', () => {
    const bytes = encodeGazetteer(cities);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(GazetteerIndex.fromBytes(shifted.subarray(1)).size).toBe(cities.length);
  });

  it('refuses a file that is not a gazetteer, or is cut short', () => {
    expect(() => GazetteerIndex.fromBytes(new TextEncoder().encode('hello, world, not a gazetteer'))).toThrow(/magic/);
    const bytes = encodeGazetteer(cities);
    expect(() => GazetteerIndex.fromBytes(bytes.subarray(0, bytes.length - 3))).toThrow(
      /truncated|corrupt|range|length/i,
    );
  });
});
