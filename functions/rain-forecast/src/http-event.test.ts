import { ValidationError } from '@serverless-ml/errors';
import { readForecastEvent } from './http-event';

describe('readForecastEvent', () => {
  it('reads the query and the Accept header of an HTTP API event', () => {
    const event = {
      requestContext: { http: { method: 'GET' } },
      headers: { accept: 'text/html' },
      queryStringParameters: { city: 'Seattle' },
    };
    expect(readForecastEvent(event)).toEqual({ http: true, params: { city: 'Seattle' }, accept: 'text/html' });
  });

  it('finds the Accept header whatever its case (REST API events) and copes with no query', () => {
    const event = { requestContext: {}, headers: { Accept: 'application/json' }, queryStringParameters: null };
    expect(readForecastEvent(event)).toEqual({ http: true, params: {}, accept: 'application/json' });
  });

  it('takes a direct invocation event as the parameters, numbers included', () => {
    expect(readForecastEvent({ lat: 47.6, long: -122.3 })).toEqual({
      http: false,
      params: { lat: '47.6', long: '-122.3' },
    });
    expect(readForecastEvent('')).toEqual({ http: false, params: {} });
    expect(readForecastEvent(null)).toEqual({ http: false, params: {} });
  });

  it.each([
    ['an HTTP query', { requestContext: {}, headers: {}, queryStringParameters: { lat: '%s', long: '-122.33' } }],
    ['a direct invocation', { lat: '%s', long: '-122.33' }],
  ])('cleans %s by the shared rule: lat=%%2012%%20 is 12, as on /stores/nearest', (_name, template) => {
    const event = JSON.parse(JSON.stringify(template).replace('%s', ' 12 '));
    expect(readForecastEvent(event).params).toEqual({ lat: '12', long: '-122.33' });
  });

  it('refuses a control character in a value with a 400 naming the parameter (city=Seattle%00)', () => {
    const event = { requestContext: {}, headers: {}, queryStringParameters: { city: 'Seattle\u0000' } };
    expect(() => readForecastEvent(event)).toThrow(ValidationError);
    expect(() => readForecastEvent(event)).toThrow('city must not contain control characters (found U+0000)');
  });

  it('refuses an empty value, over HTTP and directly', () => {
    expect(() => readForecastEvent({ requestContext: {}, headers: {}, queryStringParameters: { city: ' ' } })).toThrow(
      'city must not be empty',
    );
    expect(() => readForecastEvent({ city: '' })).toThrow('city must not be empty');
  });
});
