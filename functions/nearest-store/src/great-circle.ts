/** Mean Earth radius (IUGG R1), the same the stores model was built with. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * A latitude/longitude in degrees as a unit vector [x, y, z]. Must stay the same arithmetic as
 * ml-train's `toUnitVector`, so a query at a store's coordinates is at chord 0 exactly.
 */
export function toUnitVector(latitude: number, longitude: number): [number, number, number] {
  const phi = (latitude * Math.PI) / 180;
  const lambda = (longitude * Math.PI) / 180;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

/** Great-circle distance from a squared chord between unit vectors: 2R·asin(chord/2). */
export function chord2ToKm(chord2: number): number {
  // min(1, …) guards the antipode, where rounding can push chord/2 a hair above 1.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}
