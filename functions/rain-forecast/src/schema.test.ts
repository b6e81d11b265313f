import { ValidationError } from '@serverless-ml/errors';
import { parseForecastQuery } from './schema';

const observed = { precipitation: '1.5', temp_max: '14', temp_min: '8.2', wind: '3' };

describe('parseForecastQuery', () => {
  it('accepts a city, optionally narrowed by country', () => {
    expect(parseForecastQuery({ city: 'Seattle' })).toEqual({ where: { kind: 'city', city: 'Seattle' } });
    expect(parseForecastQuery({ city: 'Paris', country: 'US' }).where).toEqual({
      kind: 'city',
      city: 'Paris',
      country: 'US',
    });
  });

  it.each(['long', 'lng', 'lon'])('accepts a point with the longitude spelt %s', (alias) => {
    expect(parseForecastQuery({ lat: '47.61', [alias]: '-122.33' }).where).toEqual({
      kind: 'point',
      latitude: 47.61,
      longitude: -122.33,
    });
  });

  it("accepts all four of today's observations as numbers, and a date", () => {
    expect(parseForecastQuery({ city: 'Seattle', date: '2015-06-01', ...observed })).toEqual({
      where: { kind: 'city', city: 'Seattle' },
      date: '2015-06-01',
      observations: { precipitation: 1.5, temp_max: 14, temp_min: 8.2, wind: 3 },
    });
  });

  it('pins a model version with ?version=', () => {
    const version = '2026-01-01T00-00-00-000Z-a1b2c3';
    expect(parseForecastQuery({ city: 'Seattle', version })).toMatchObject({ version });
    expect(() => parseForecastQuery({ city: 'Seattle', version: '../digits' })).toThrow(
      /^version must be a rain model version id/,
    );
  });

  it.each([
    ['neither city nor a point', {}, /say where: city=Seattle/],
    ['no parameters at all', null, /say where/],
    ['both city and a point', { city: 'Seattle', lat: '1', long: '2' }, /either city or lat and long, not both/],
    ['lat without long', { lat: '47' }, /long is required with lat/],
    ['long without lat', { lon: '-122' }, /lat is required with long/],
    ['two longitude spellings', { lat: '1', lng: '2', lon: '2' }, /longitude once.*lng and lon/],
    ['lat out of range', { lat: '91', long: '0' }, /^lat must be between -90 and 90, got 91$/],
    ['long out of range', { lat: '0', long: '-180.5' }, /^long must be between -180 and 180, got -180.5$/],
    ['a non-numeric lat', { lat: 'north', long: '0' }, /^lat must be a number, got "north"$/],
    [
      'a non-numeric observation',
      { city: 'Seattle', ...observed, wind: 'calm' },
      /^wind must be a number, got "calm"$/,
    ],
    ['Infinity', { city: 'Seattle', ...observed, precipitation: 'Infinity' }, /^precipitation must be a number, got/],
    ['a number that overflows', { lat: '1e999', long: '0' }, /^lat must be a finite number, got "1e999"$/],
    [
      'negative precipitation',
      { city: 'Seattle', ...observed, precipitation: '-1' },
      /^precipitation must be between 0 and 2000 mm, got -1$/,
    ],
    [
      'an absurd temperature',
      { city: 'Seattle', ...observed, temp_max: '75' },
      /^temp_max must be between -90 and 60 °C, got 75$/,
    ],
    ['temp_min above temp_max', { city: 'Seattle', ...observed, temp_min: '20' }, /temp_min 20 is above temp_max 14/],
    [
      'some of the observations',
      { city: 'Seattle', precipitation: '1', wind: '2' },
      /need all of precipitation, temp_max, temp_min, wind: missing temp_max, temp_min/,
    ],
    [
      'a malformed date',
      { city: 'Seattle', date: '1/6/2015' },
      /date must be a calendar date YYYY-MM-DD, got "1\/6\/2015"/,
    ],
    ['an impossible date', { city: 'Seattle', date: '2015-02-30' }, /date must be a calendar date/],
    ['country with a point', { lat: '1', long: '2', country: 'US' }, /country narrows a city name/],
    ['an unknown parameter', { city: 'Seattle', temperature: '12' }, /^unknown parameter "temperature": use city/],
  ])('rejects %s with a 400 naming the problem', (_name, params, message) => {
    expect(() => parseForecastQuery(params)).toThrow(ValidationError);
    expect(() => parseForecastQuery(params)).toThrow(message);
  });
});
