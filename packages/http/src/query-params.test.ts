import { ValidationError } from '@serverless-ml/errors';
import { cleanParam, cleanParams, invocationParams, queryParamsOf, refuseQueryParams } from './query-params';

const get = (query: Record<string, string | undefined> | null) => ({
  requestContext: { http: { method: 'GET' } },
  headers: {},
  queryStringParameters: query,
});

describe('cleanParam', () => {
  it.each([
    [' 12 ', '12'],
    ['\t12\r\n', '12'],
    ['New York', 'New York'],
    ['\u00a0Seattle', '\u00a0Seattle'],
  ])('strips ASCII whitespace from both ends of %j, and nothing else', (value, expected) => {
    expect(cleanParam('lat', value)).toBe(expected);
  });

  it.each([
    ['Seattle\u0000', 'city must not contain control characters (found U+0000)'],
    ['Sea\nttle', 'city must not contain control characters (found U+000A)'],
    ['Seattle\u007f', 'city must not contain control characters (found U+007F)'],
    ['Seattle\u0085', 'city must not contain control characters (found U+0085)'],
  ])('refuses %j with a 400 naming the parameter', (value, message) => {
    expect(() => cleanParam('city', value)).toThrow(ValidationError);
    expect(() => cleanParam('city', value)).toThrow(message);
  });

  it.each(['', '   ', '\t'])('refuses an empty value %j', (value) => {
    expect(() => cleanParam('k', value)).toThrow('k must not be empty');
  });
});

describe('queryParamsOf', () => {
  it('reads an HTTP API event, cleaning every value', () => {
    expect(queryParamsOf(get({ lat: ' 12 ', long: '-77.1' }))).toEqual({ lat: '12', long: '-77.1' });
  });

  it('reads no query (null, missing, a direct invocation) as {}', () => {
    expect(queryParamsOf(get(null))).toEqual({});
    expect(queryParamsOf({ requestContext: {}, headers: {} })).toEqual({});
    expect(queryParamsOf(undefined)).toEqual({});
  });

  it('refuses a control character in a value or a name', () => {
    expect(() => queryParamsOf(get({ city: 'Seattle\u0000' }))).toThrow(/^city must not contain control characters/);
    expect(() => queryParamsOf(get({ 'ci\u0000ty': 'x' }))).toThrow(/^a parameter name must not contain control/);
  });
});

describe('cleanParams and invocationParams', () => {
  it('clean the strings of a direct invocation and keep its numbers', () => {
    expect(cleanParams({ lat: ' 1 ', long: -2, k: undefined })).toEqual({ lat: '1', long: -2 });
    expect(invocationParams({ city: 'Paris ' })).toEqual({ city: 'Paris' });
  });

  it('pass anything but an object on, for the caller to refuse in its own words', () => {
    expect(invocationParams('text')).toBe('text');
    expect(invocationParams(null)).toBeNull();
  });
});

describe('refuseQueryParams', () => {
  it('accepts an event without query parameters', () => {
    expect(() => refuseQueryParams(get(null), 'send the version in the body')).not.toThrow();
    expect(() => refuseQueryParams(get({}), 'send the version in the body')).not.toThrow();
  });

  it('refuses any query parameter with a 400 naming it', () => {
    expect(() => refuseQueryParams(get({ version: 'v1' }), 'send "version" in the JSON body')).toThrow(
      'unknown parameter "version": send "version" in the JSON body',
    );
  });
});
