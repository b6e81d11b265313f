import { ValidationError } from '@serverless-ml/errors';
import { loadNearestSettings, parseNearestQuery } from './schema';

const parse = (params: unknown) => parseNearestQuery(params, 50);

describe('parseNearestQuery', () => {
  it("accepts the reference's query string, with k defaulting to 5", () => {
    expect(parse({ lat: '39.153198', long: '-77.066176' })).toEqual({
      latitude: 39.153198,
      longitude: -77.066176,
      k: 5,
    });
  });

  it.each([
    ['lng', { lat: '1', lng: '2.5', k: '3' }],
    ['lon', { lat: '1', lon: '2.5', k: '3' }],
    ['two aliases that agree', { lat: '1', long: '2.5', lon: '2.50', k: '3' }],
    ['numbers from a direct invocation', { lat: 1, long: 2.5, k: 3 }],
    ['exponent notation and a plus sign', { lat: '+1e0', long: '25e-1', k: '+3' }],
  ])('accepts %s', (_name, params) => {
    expect(parse(params)).toEqual({ latitude: 1, longitude: 2.5, k: 3 });
  });

  it('accepts the edges of every range', () => {
    expect(parse({ lat: '-90', long: '180', k: '50' })).toEqual({ latitude: -90, longitude: 180, k: 50 });
    expect(parse({ lat: '90', long: '-180', k: '1' })).toEqual({ latitude: 90, longitude: -180, k: 1 });
  });

  it.each([
    ['lat is missing', { long: '1' }, /^lat is required$/],
    ['long is missing (not silently 0)', { lat: '1' }, /^long is required \(lng and lon are accepted too\)/],
    ['no parameters at all', undefined, /^lat is required$/],
    ['lat is empty', { lat: '', long: '1' }, /^lat must be a number, got ""$/],
    ['lat is not a number', { lat: 'abc', long: '1' }, /^lat must be a number, got "abc"$/],
    ['lat is NaN', { lat: 'NaN', long: '1' }, /^lat must be a number, got "NaN"$/],
    ['long is Infinity', { lat: '1', long: 'Infinity' }, /^long must be a number, got "Infinity"$/],
    ['long overflows to Infinity', { lat: '1', long: '1e999' }, /^long must be a finite number, got "1e999"$/],
    ['lat is hexadecimal', { lat: '0x10', long: '1' }, /^lat must be a number, got "0x10"$/],
    ['lat was sent twice (API Gateway joins them)', { lat: '1,2', long: '1' }, /^lat must be a number, got "1,2"$/],
    ['a NaN number in a direct invocation', { lat: Number.NaN, long: 1 }, /^lat must be a finite number, got NaN$/],
    ['lat is above 90', { lat: '90.000001', long: '1' }, /^lat must be between -90 and 90, got 90.000001$/],
    ['lat is below -90', { lat: '-91', long: '1' }, /^lat must be between -90 and 90, got -91$/],
    ['lng is above 180', { lat: '1', lng: '180.5' }, /^lng must be between -180 and 180, got 180.5$/],
    ['lon is below -180', { lat: '1', lon: '-181' }, /^lon must be between -180 and 180, got -181$/],
    ['k is zero', { lat: '1', long: '1', k: '0' }, /^k must be between 1 and 50, got 0$/],
    ['k is above the maximum', { lat: '1', long: '1', k: '51' }, /^k must be between 1 and 50, got 51$/],
    ['k is fractional', { lat: '1', long: '1', k: '2.5' }, /^k must be a whole number, got "2.5"$/],
    ['k is negative', { lat: '1', long: '1', k: '-3' }, /^k must be between 1 and 50, got -3$/],
    ['k is a fractional number', { lat: 1, long: 1, k: 2.5 }, /^k must be a whole number, got 2.5$/],
    ['long and lng disagree', { lat: '1', long: '2', lng: '3' }, /^long and lng disagree \(2 vs 3\)/],
    ['lng and lon disagree', { lat: '1', lng: '2', lon: '-2' }, /^lng and lon disagree/],
    [
      'an unknown parameter',
      { lat: '1', long: '1', latitude: '1' },
      /^unknown parameter "latitude": send lat, long \(or lng, lon\), k and version$/,
    ],
    ['a body that is not an object', [1, 2], /send lat and long/],
  ])('rejects a query where %s, naming the field', (_name, params, message) => {
    expect(() => parse(params)).toThrow(ValidationError);
    expect(() => parse(params)).toThrow(message);
  });
});

describe('loadNearestSettings', () => {
  it('defaults MAX_K to 50 and reads it when set', () => {
    expect(loadNearestSettings({})).toEqual({ maxK: 50 });
    expect(loadNearestSettings({ MAX_K: '10' })).toEqual({ maxK: 10 });
  });

  it('names MAX_K when it is not a whole number in 1..1000', () => {
    expect(() => loadNearestSettings({ MAX_K: 'ten' })).toThrow(/MAX_K/);
    expect(() => loadNearestSettings({ MAX_K: '0' })).toThrow(/MAX_K/);
    expect(() => loadNearestSettings({ MAX_K: '5000' })).toThrow(/MAX_K/);
  });

  it('pins a stores model version with ?version=, and names a malformed one', () => {
    const version = '2026-01-01T00-00-00-000Z-a1b2c3';
    expect(parse({ lat: '1', long: '2', version })).toEqual({ latitude: 1, longitude: 2, k: 5, version });
    expect(() => parse({ lat: '1', long: '2', version: 'a/b' })).toThrow(/^version must be a stores model version id/);
  });
});
