/** A point on the small stores plot, in SVG units, with its label. */
export interface PlotPoint {
  x: number;
  y: number;
  label: string;
}

/** A store or query position in degrees. */
export interface LatLong {
  latitude: number;
  longitude: number;
}

/** Longitude difference folded into −180…180, so stores across the antimeridian sit next to the query. */
const deltaLongitude = (from: number, to: number) => ((((to - from) % 360) + 540) % 360) - 180;

/**
 * Places stores around the query (at the centre of a `size`×`size` plot) on a local
 * equirectangular projection — east right, north up, longitudes shrunk by cos(latitude) —
 * scaled so the farthest store lies on a circle `margin` units inside the edge.
 */
export function plotStores(
  query: LatLong,
  stores: (LatLong & { label: string })[],
  size = 240,
  margin = 24,
): PlotPoint[] {
  const shrink = Math.cos((query.latitude * Math.PI) / 180);
  const offsets = stores.map((s) => ({
    dx: deltaLongitude(query.longitude, s.longitude) * shrink,
    dy: s.latitude - query.latitude,
    label: s.label,
  }));
  const reach = Math.max(1e-9, ...offsets.map((o) => Math.hypot(o.dx, o.dy)));
  const scale = (size / 2 - margin) / reach;
  return offsets.map((o) => ({ x: size / 2 + o.dx * scale, y: size / 2 - o.dy * scale, label: o.label }));
}
