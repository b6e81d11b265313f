// Great-circle arithmetic that the stores trainer (ml-train) and nearest-store must compute identically.
export { chord2ToKm, EARTH_RADIUS_KM, haversineKm, type LatLong, toUnitVector } from './great-circle';
