import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '@serverless-ml/errors';
import { parseWeatherCsv, TRAINING_PLACES } from '@serverless-ml/rain-model';
import type { ResolvedPlace } from '../geocode';
import { RecordedWeather } from './recorded-weather';

const days = parseWeatherCsv(readFileSync(path.join(__dirname, '../../../../data/weather.csv'), 'utf8'));
const at = (name: string, latitude: number, longitude: number): ResolvedPlace => ({
  name,
  country: 'US',
  population: 1,
  latitude,
  longitude,
  match: 'city',
});
const seattle = at('Seattle', 47.60621, -122.33207);
const newYork = at('New York City', 40.71427, -74.00597);
const bellevue = at('Bellevue', 47.61038, -122.20068); // 10 km from Seattle
const capeTown = { ...at('Cape Town', -33.92584, 18.42322), country: 'ZA' };

describe('RecordedWeather on data/weather.csv', () => {
  const load = jest.fn(async () => days);
  const recorded = new RecordedWeather(load, TRAINING_PLACES);

  it('replays a recorded day with the week before it, newest first, and the next day', async () => {
    const report = await recorded.report({ place: seattle, date: '2015-06-01' });
    expect(report).toEqual({
      source: 'recorded',
      recordedAt: 'Seattle',
      today: { date: '2015-06-01', precipitation: 4.6, temp_max: 16.1, temp_min: 11.7, wind: 3.4 },
      previous: expect.any(Array),
      actual: { date: '2015-06-02', precipitation: 0.5, rained: true },
    });
    expect(report?.previous.map((d) => d.date)).toEqual([
      '2015-05-31',
      '2015-05-30',
      '2015-05-29',
      '2015-05-28',
      '2015-05-27',
      '2015-05-26',
      '2015-05-25',
    ]);
  });

  it('matches a geocoded place within 50 km of a recorded city', async () => {
    await expect(recorded.report({ place: bellevue, date: '2015-06-01' })).resolves.toMatchObject({
      recordedAt: 'Seattle',
    });
    await expect(recorded.report({ place: newYork, date: '2012-01-01' })).resolves.toMatchObject({
      recordedAt: 'New York',
      previous: [],
      actual: { date: '2012-01-02', precipitation: 0, rained: false },
    });
  });

  it('loads the recorded days once per container', async () => {
    await recorded.report({ place: seattle, date: '2014-01-01' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('answers nothing without a date, so the next provider can', async () => {
    await expect(recorded.report({ place: seattle })).resolves.toBeUndefined();
  });

  it.each([
    ['the last recorded day (it has no next day)', '2015-12-31'],
    ['a day before the record', '2011-12-31'],
    ['a day after it', '2016-06-01'],
  ])('returns 400 naming the recorded range for %s', async (_name, date) => {
    const report = recorded.report({ place: seattle, date });
    await expect(report).rejects.toThrow(ValidationError);
    await expect(report).rejects.toThrow(
      `date ${date} is outside the recorded days of Seattle: 2012-01-01..2015-12-30`,
    );
  });

  it('returns 400 for a date at a place that is not a recorded city', async () => {
    const report = recorded.report({ place: capeTown, date: '2015-06-01' });
    await expect(report).rejects.toThrow(ValidationError);
    await expect(report).rejects.toThrow(
      /exists only for Seattle \(US\), New York \(US\); Cape Town is not within 50 km/,
    );
  });

  it('tries to load again after a failed load', async () => {
    const flaky = jest.fn().mockRejectedValueOnce(new Error('S3 down')).mockResolvedValue(days);
    const weather = new RecordedWeather(flaky, TRAINING_PLACES);
    await expect(weather.report({ place: seattle, date: '2015-06-01' })).rejects.toThrow('S3 down');
    await expect(weather.report({ place: seattle, date: '2015-06-01' })).resolves.toMatchObject({ source: 'recorded' });
  });
});
