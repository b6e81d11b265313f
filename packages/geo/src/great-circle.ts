/** Mean Earth radius (IUGG R1), km: the radius the stores model is built and served with. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** A point in degrees: latitude −90..90 (north positive), longitude −180..180 (east positive). */
export interface LatLong {
  latitude: number;
  longitude: number;
}

/**
 * A latitude/longitude in degrees as a unit vector [x, y, z] (z towards the north pole). The
 * stores trainer and nearest-store both call this one, so a query at a store's own coordinates
 * is at chord 0 exactly.
 */
export function toUnitVector(latitude: number, longitude: number): [number, number, number] {
  const phi = (latitude * Math.PI) / 180;
  const lambda = (longitude * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** Great-circle distance in km from a squared chord between unit vectors: 2R·asin(chord/2). */
export function chord2ToKm(chord2: number): number {
  // min(1, …) guards the antipode, where rounding can push chord/2 a hair above 1.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** Great-circle distance in km between two points by the haversine formula. */
export function haversineKm(a: LatLong, b: LatLong): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLon = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
