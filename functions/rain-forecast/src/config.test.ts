import { loadForecastConfig } from './config';

describe('loadForecastConfig', () => {
  it('defaults to no live weather, Open-Meteo at its public URL and a 2.5 s timeout', () => {
    expect(loadForecastConfig({})).toEqual({
      weatherProvider: 'none',
      openMeteoUrl: 'https://api.open-meteo.com',
      openMeteoTimeoutMs: 2500,
      gazetteerFile: undefined,
      weatherCsvKey: 'weather.csv',
    });
  });

  it('reads the live provider, its URL and timeout', () => {
    const config = loadForecastConfig({
      WEATHER_PROVIDER: 'open-meteo',
      OPEN_METEO_URL: 'http://127.0.0.1:8080',
      OPEN_METEO_TIMEOUT_MS: '1000',
    });
    expect(config).toMatchObject({
      weatherProvider: 'open-meteo',
      openMeteoUrl: 'http://127.0.0.1:8080',
      openMeteoTimeoutMs: 1000,
    });
  });

  it.each([
    [{ WEATHER_PROVIDER: 'darksky' }, /WEATHER_PROVIDER: must be none or open-meteo/],
    [{ OPEN_METEO_TIMEOUT_MS: '60000' }, /OPEN_METEO_TIMEOUT_MS: must be at most 20000/],
    [{ OPEN_METEO_URL: 'api.open-meteo.com' }, /OPEN_METEO_URL: must be a URL/],
  ])('names a bad variable (%j)', (env, message) => {
    expect(() => loadForecastConfig(env)).toThrow(message);
  });
});
