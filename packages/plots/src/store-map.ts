import states10m from 'us-atlas/states-10m.json';
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, PLOT_CONFIG, sampleEvenly } from './plot-theme';
import { loadVega } from './render-svg';
import { type QuantizedTopology, simplifyTopology } from './simplify-topology';

/** A store as the catalog lists it. */
export interface StorePoint {
  latitude: number;
  longitude: number;
}

/** What the map draws: the stores inside its projection, and how many the catalog has in all. */
export interface StoresOnMap {
  points: StorePoint[];
  total: number;
}

// The JSON's inferred type has number[] where TopoJSON has pairs: the same data, typed by its format.
const statesTopology = simplifyTopology(states10m as unknown as QuantizedTopology, 0.05);

/** At most this many stores are drawn (~130 bytes of SVG each); more are sampled evenly, and the title says so. */
export const MAX_MAP_POINTS = 1000;

/**
 * The stores the Albers USA projection can draw (the 50 states and DC): territories and stores abroad
 * fall outside it, and the map says how many. Uses vega's own projection, so it agrees with the drawing.
 */
export async function storesOnMap(stores: readonly StorePoint[]): Promise<StoresOnMap> {
  const [vega] = await loadVega();
  // vega-typings declare only the two-argument (register) form; with one it returns the constructor.
  const lookup = vega.projection as unknown as (type: string) => () => (point: [number, number]) => unknown;
  const project = lookup('albersUsa')();
  const points = stores.filter((s) => project([s.longitude, s.latitude]) != null);
  return { points, total: stores.length };
}

/** The catalog on a map: US state outlines (the Census Bureau's, from us-atlas) and a dot per store. */
export function storeMapSpec({ points, total }: StoresOnMap): TopLevelSpec {
  const shown = sampleEvenly(points, MAX_MAP_POINTS);
  const outside = total - points.length;
  const parts = [
    shown.length < points.length
      ? `${formatCount(shown.length)} of ${formatCount(points.length)} stores shown (evenly sampled)`
      : `${formatCount(points.length)} stores`,
    outside > 0 ? `${formatCount(outside)} outside the 50 states not drawn` : undefined,
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: PLOT_CONFIG,
    title: { text: 'Store catalog', subtitle: `${parts.filter(Boolean).join('; ')}; Albers USA projection` },
    width: 560,
    height: 350,
    projection: { type: 'albersUsa', precision: 0 },
    layer: [
      {
        // One mesh: every border drawn once, so the SVG holds a single path for all states.
        data: { values: statesTopology, format: { type: 'topojson', mesh: 'states' } },
        mark: { type: 'geoshape', filled: false, stroke: '#9a9a9a', strokeWidth: 0.6, aria: false },
      },
      {
        data: { values: shown.map((s) => ({ latitude: s.latitude, longitude: s.longitude })) },
        mark: { type: 'circle', size: 9, color: '#d62728', opacity: 0.7, aria: false },
        encoding: {
          longitude: { field: 'longitude', type: 'quantitative' },
          latitude: { field: 'latitude', type: 'quantitative' },
        },
      },
    ],
  };
}
