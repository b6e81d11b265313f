import { chord2ToKm, EARTH_RADIUS_KM, haversineKm, type LatLong, toUnitVector } from './great-circle';

const RAD = Math.PI / 180;
const HALF_CIRCUMFERENCE_KM = Math.PI * EARTH_RADIUS_KM; // 20015.114…

/** The reference: the central angle as atan2(|a×b|, a·b) (Vincenty's formula on a sphere), another route than either. */
function referenceKm(a: LatLong, b: LatLong): number {
  const [p1, p2, dl] = [a.latitude * RAD, b.latitude * RAD, (b.longitude - a.longitude) * RAD];
  const y = Math.hypot(
    Math.cos(p2) * Math.sin(dl),
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl),
  );
  const x = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl);
  return EARTH_RADIUS_KM * Math.atan2(y, x);
}

/** The squared chord between two points' unit vectors, per coordinate as the stores model computes it. */
function chord2(a: LatLong, b: LatLong): number {
  const [u, v] = [toUnitVector(a.latitude, a.longitude), toUnitVector(b.latitude, b.longitude)];
  return (u[0] - v[0]) ** 2 + (u[1] - v[1]) ** 2 + (u[2] - v[2]) ** 2;
}

const at = (latitude: number, longitude: number): LatLong => ({ latitude, longitude });
const seattle = at(47.6062, -122.3321);
const newYork = at(40.7128, -74.006);

// Distances that follow from the radius alone, and two city pairs (rounded to the kilometre).
const KNOWN: [string, LatLong, LatLong, number][] = [
  ['one degree of longitude on the equator', at(0, 0), at(0, 1), HALF_CIRCUMFERENCE_KM / 180],
  ['the equator to a pole', at(0, 0), at(90, 0), HALF_CIRCUMFERENCE_KM / 2],
  ['a quarter of the equator', at(0, -45), at(0, 45), HALF_CIRCUMFERENCE_KM / 2],
  ['pole to pole', at(90, 0), at(-90, 0), HALF_CIRCUMFERENCE_KM],
  ['across the antimeridian', at(0, 179.5), at(0, -179.5), HALF_CIRCUMFERENCE_KM / 180],
  ['a point to itself', seattle, seattle, 0],
];

describe('EARTH_RADIUS_KM', () => {
  it('is the IUGG mean radius the stores models record in metadata.json', () => {
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
  });
});

describe('toUnitVector', () => {
  it('puts (0, 0) on the x axis, (0, 90) on the y axis and the north pole on the z axis', () => {
    expect(toUnitVector(0, 0)).toEqual([1, 0, 0]);
    const [x, y, z] = toUnitVector(0, 90);
    expect([x, y, z].map((c) => Number(c.toFixed(15)))).toEqual([0, 1, 0]);
    expect(toUnitVector(90, 123)[2]).toBe(1);
  });

  it('returns vectors of length 1', () => {
    for (const [lat, lon] of [
      [47.6062, -122.3321],
      [-33.87, 151.21],
      [89.9, 180],
      [-90, -180],
    ]) {
      expect(Math.hypot(...toUnitVector(lat, lon))).toBeCloseTo(1, 15);
    }
  });
});

describe('haversineKm', () => {
  it.each(KNOWN)('measures %s', (_name, a, b, km) => {
    expect(haversineKm(a, b)).toBeCloseTo(km, 6);
  });

  it('measures Seattle → New York as 3866 km and Boston → New York as 306 km', () => {
    expect(Math.round(haversineKm(seattle, newYork))).toBe(3866);
    expect(Math.round(haversineKm(at(42.3601, -71.0589), newYork))).toBe(306);
  });
});

describe('chord2ToKm', () => {
  it.each(KNOWN)('measures %s from the chord between unit vectors', (_name, a, b, km) => {
    expect(chord2ToKm(chord2(a, b))).toBeCloseTo(km, 6);
  });

  it('agrees with an independent formula to the millimetre on pairs all over the globe', () => {
    const points = [-89.5, -60, -23.4, 0, 12.5, 47.6, 78, 90].flatMap((lat) =>
      [-180, -122.3, -45, 0, 2.35, 90, 151.2, 179.9].map((lon) => at(lat, lon)),
    );
    for (const a of points) {
      for (const b of points) {
        const reference = referenceKm(a, b);
        expect(Math.abs(chord2ToKm(chord2(a, b)) - reference)).toBeLessThan(1e-6);
        expect(Math.abs(haversineKm(a, b) - reference)).toBeLessThan(1e-6);
      }
    }
  });

  it('gives half the circumference at the antipode, even when rounding pushes the chord past 2', () => {
    expect(chord2ToKm(4)).toBe(HALF_CIRCUMFERENCE_KM);
    expect(chord2ToKm(4 + 1e-12)).toBe(HALF_CIRCUMFERENCE_KM);
    expect(chord2ToKm(0)).toBe(0);
  });
});
