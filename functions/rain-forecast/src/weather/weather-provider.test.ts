import type { ResolvedPlace } from '../geocode';
import { firstWeather, queryWeather, type WeatherReport } from './weather-provider';

const place: ResolvedPlace = { name: 'X', country: 'US', population: 1, latitude: 1, longitude: 2, match: 'city' };
const observations = { precipitation: 1, temp_max: 10, temp_min: 5, wind: 2 };

describe('queryWeather', () => {
  const weather = queryWeather(() => new Date('2026-07-04T23:30:00Z'));

  it("dates the client's observations today (UTC) unless the query gives a date", async () => {
    await expect(weather.report({ place, observations })).resolves.toEqual({
      source: 'query',
      today: { date: '2026-07-04', ...observations },
      previous: [],
    });
    await expect(weather.report({ place, observations, date: '2015-01-02' })).resolves.toMatchObject({
      today: { date: '2015-01-02' },
    });
  });

  it('answers nothing without observations', async () => {
    await expect(weather.report({ place })).resolves.toBeUndefined();
  });
});

describe('firstWeather', () => {
  const report = (source: WeatherReport['source']): WeatherReport => ({
    source,
    today: { date: '2026-01-01', ...observations },
    previous: [],
  });

  it('returns the first report and asks no further provider', async () => {
    const later = { report: jest.fn(async () => report('open-meteo')) };
    const weather = firstWeather([
      { report: async () => undefined },
      { report: async () => report('recorded') },
      later,
    ]);
    await expect(weather.report({ place })).resolves.toMatchObject({ source: 'recorded' });
    expect(later.report).not.toHaveBeenCalled();
  });

  it('answers nothing when no provider does', async () => {
    await expect(firstWeather([]).report({ place })).resolves.toBeUndefined();
  });
});
