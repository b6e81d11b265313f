import { plotStores } from './stores-plot';

describe('plotStores', () => {
  it('puts a store north-east of the query up and to the right, the farthest at the margin', () => {
    const [ne, s] = plotStores({ latitude: 0, longitude: 0 }, [
      { latitude: 1, longitude: 1, label: 'NE' },
      { latitude: -2, longitude: 0, label: 'S' },
    ]);
    expect(ne.x).toBeGreaterThan(120);
    expect(ne.y).toBeLessThan(120);
    expect(s).toEqual({ x: 120, y: 120 + 96, label: 'S' });
  });

  it('keeps a store across the antimeridian next to the query', () => {
    const [adak] = plotStores({ latitude: 51.88, longitude: 179.99 }, [
      { latitude: 51.88, longitude: -176.65, label: 'ADK' },
    ]);
    expect(adak.x).toBeCloseTo(216);
    expect(adak.y).toBeCloseTo(120);
  });

  it('shrinks longitudes by the cosine of the latitude', () => {
    const [east, north] = plotStores({ latitude: 60, longitude: 10 }, [
      { latitude: 60, longitude: 12, label: 'E' },
      { latitude: 61, longitude: 10, label: 'N' },
    ]);
    expect(east.x - 120).toBeCloseTo(120 - north.y);
  });
});
