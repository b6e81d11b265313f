import { ValidationError } from '@serverless-ml/errors';
import type { DayObservation, TrainingPlace } from '@serverless-ml/rain-model';
import { type ForecastDeps, type ForecastQuery, forecastRain } from './forecast-rain';
import type { ResolvedPlace } from './geocode';
import { sampleForecast } from './sample-forecast.fixture';
import { rainForecastSchema } from './schema';
import type { WeatherReport } from './weather/weather-provider';

const seattle: ResolvedPlace = sampleForecast.place;
const trainingPlaces: TrainingPlace[] = [
  { name: 'Seattle', country: 'US', latitude: 47.6062, longitude: -122.3321 },
  { name: 'New York', country: 'US', latitude: 40.7128, longitude: -74.006 },
];
const today: DayObservation = { date: '2015-06-01', precipitation: 3, temp_max: 15, temp_min: 9, wind: 4 };
const query: ForecastQuery = { where: { kind: 'city', city: 'Seattle' } };

function fakes(report: WeatherReport | undefined, overrides: Partial<ForecastDeps> = {}) {
  const writes: { requestId: string; at: Date; record: unknown }[] = [];
  const deps: ForecastDeps = {
    geocoder: { locate: async () => seattle },
    weather: { report: async () => report },
    predictor: { predict: async () => ({ probability: 0.73, modelVersion: 'v1' }) },
    forecastLog: {
      write: async (requestId, at, record) => {
        writes.push({ requestId, at, record });
      },
    },
    trainingPlaces,
    now: () => new Date('2026-03-04T05:06:07Z'),
    logError: jest.fn(),
    ...overrides,
  };
  return { deps, writes };
}

describe('forecastRain', () => {
  it('predicts from the weather report and says where, what and which model', async () => {
    const { deps } = fakes({ source: 'query', today, previous: [] });
    const forecast = await forecastRain({ query, requestId: 'req-1' }, deps);
    expect(forecast).toMatchObject({
      probability: 0.73,
      rainTomorrow: true,
      forecastFor: '2015-06-02',
      place: { name: 'Seattle', country: 'US' },
      observations: { source: 'query', today },
      modelVersion: 'v1',
      caveat: { level: 'trained-here', nearestTrainingPlace: { name: 'Seattle', distanceKm: 0 } },
      requestId: 'req-1',
    });
    expect(forecast.actual).toBeUndefined();
    // The API description's schema, closed: a field it does not list fails here.
    const answered = JSON.parse(JSON.stringify(forecast));
    expect(rainForecastSchema.parse(answered)).toEqual(answered);
  });

  it('passes today, the place and the previous days to the predictor', async () => {
    const previous = [{ ...today, date: '2015-05-31' }];
    const predict = jest.fn(async () => ({ probability: 0.2, modelVersion: 'v2' }));
    const { deps } = fakes({ source: 'recorded', today, previous }, { predictor: { predict } });
    await forecastRain({ query, requestId: 'r' }, deps);
    expect(predict).toHaveBeenCalledWith(today, seattle, previous, undefined);
  });

  it('asks the predictor for the pinned model version and answers with it', async () => {
    const predict = jest.fn(async () => ({ probability: 0.2, modelVersion: 'v1' }));
    const { deps } = fakes({ source: 'query', today, previous: [] }, { predictor: { predict } });
    const forecast = await forecastRain({ query: { ...query, version: 'v1' }, requestId: 'r' }, deps);
    expect(predict).toHaveBeenCalledWith(today, seattle, [], 'v1');
    expect(forecast.modelVersion).toBe('v1');
  });

  it('says whether a replayed forecast was right', async () => {
    const actual = { date: '2015-06-02', precipitation: 0, rained: false };
    const { deps } = fakes({ source: 'recorded', recordedAt: 'Seattle', today, previous: [], actual });
    const forecast = await forecastRain({ query, requestId: 'r' }, deps);
    expect(forecast.actual).toEqual({ ...actual, forecastWasRight: false });
    expect(rainForecastSchema.parse(forecast)).toEqual(forecast);
  });

  it('logs the forecast with the request id, the time and the query', async () => {
    const { deps, writes } = fakes({ source: 'query', today, previous: [] });
    const { logged, ...forecast } = await forecastRain({ query, requestId: 'req-9' }, deps);
    expect(writes).toHaveLength(1);
    expect(writes[0].requestId).toBe('req-9');
    expect(writes[0].at.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(writes[0].record).toMatchObject({ at: '2026-03-04T05:06:07.000Z', query, ...forecast });
  });

  it('says logged: true only after the record was written', async () => {
    const { deps, writes } = fakes({ source: 'query', today, previous: [] });
    const forecast = await forecastRain({ query, requestId: 'req-9' }, deps);
    expect(forecast.logged).toBe(true);
    expect(writes[0].record).not.toHaveProperty('logged');
  });

  it('still answers, with logged: false and an error line, when the log cannot be written', async () => {
    const logError = jest.fn();
    const failing = { write: async () => Promise.reject(new Error('S3 is down')) };
    const { deps } = fakes({ source: 'query', today, previous: [] }, { forecastLog: failing, logError });
    const forecast = await forecastRain({ query, requestId: 'r' }, deps);
    expect(forecast).toMatchObject({ probability: 0.73, logged: false });
    expect(logError).toHaveBeenCalledWith(expect.stringContaining('S3 is down'));
    expect(JSON.parse(logError.mock.calls[0][0])).toMatchObject({ level: 'error', msg: 'forecast not logged' });
  });

  it('returns 400 naming what to send when no provider has weather', async () => {
    const { deps } = fakes(undefined);
    const run = forecastRain({ query, requestId: 'r' }, deps);
    await expect(run).rejects.toThrow(ValidationError);
    await expect(run).rejects.toThrow(/precipitation, temp_max, temp_min and wind, or date=.*Seattle or New York/);
  });

  it('lets geocoding errors through untouched', async () => {
    const failure = new ValidationError('no such place');
    const { deps } = fakes(undefined, { geocoder: { locate: async () => Promise.reject(failure) } });
    await expect(forecastRain({ query, requestId: 'r' }, deps)).rejects.toBe(failure);
  });
});
