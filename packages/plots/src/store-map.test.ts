import { renderSvg } from './render-svg';
import { simplifyTopology } from './simplify-topology';
import { MAX_MAP_POINTS, storeMapSpec, storesOnMap } from './store-map';

const seattle = { latitude: 47.61, longitude: -122.33 };
const anchorage = { latitude: 61.22, longitude: -149.9 };
const honolulu = { latitude: 21.31, longitude: -157.86 };
const palau = { latitude: 7.37, longitude: 134.54 };
const sanJuan = { latitude: 18.47, longitude: -66.11 };

describe('storesOnMap', () => {
  it('keeps the stores in the 50 states and counts the others (territories, abroad)', async () => {
    const onMap = await storesOnMap([seattle, palau, anchorage, sanJuan, honolulu]);
    expect(onMap).toEqual({ points: [seattle, anchorage, honolulu], total: 5 });
  });
});

describe('storeMapSpec', () => {
  it('says in the subtitle how many stores are drawn, sampled and left out', () => {
    const few = storeMapSpec({ points: [seattle, anchorage], total: 3 });
    expect(JSON.stringify(few.title)).toContain('2 stores; 1 outside the 50 states not drawn');
    const many = Array.from({ length: 3000 }, (_, i) => ({ latitude: 30 + i / 1000, longitude: -100 }));
    const sampled = storeMapSpec({ points: many, total: 3000 }) as {
      title: unknown;
      layer: { data: { values: unknown[] } }[];
    };
    expect(sampled.layer[1].data.values).toHaveLength(MAX_MAP_POINTS);
    expect(JSON.stringify(sampled.title)).toContain('1,000 of 3,000 stores shown (evenly sampled)');
  });

  it('renders the state borders as one path and a dot per store', async () => {
    const svg = await renderSvg(storeMapSpec({ points: [seattle, anchorage, honolulu], total: 3 }));
    expect(svg).toContain('Store catalog');
    expect(svg.match(/aria-roledescription="circle"|d="M[\d.]+,0A/g)?.length).toBe(3);
    expect(svg.length).toBeLessThan(80_000);
  });
});

describe('simplifyTopology', () => {
  it('drops points within the tolerance of the line but keeps every arc end', () => {
    const topology = {
      type: 'Topology' as const,
      transform: { scale: [1, 1] as [number, number], translate: [0, 0] as [number, number] },
      // One arc 0,0 → 10,0 with a 0.1 wiggle, one arc 10,0 → 10,5 with a 3-unit bump.
      arcs: [
        [
          [0, 0],
          [5, 0.1],
          [5, -0.1],
        ],
        [
          [10, 0],
          [3, 2],
          [-3, 3],
        ],
      ],
      objects: {},
    };
    expect(simplifyTopology(topology, 0.5).arcs).toEqual([
      [
        [0, 0],
        [10, 0],
      ],
      [
        [10, 0],
        [3, 2],
        [-3, 3],
      ],
    ]);
  });
});
