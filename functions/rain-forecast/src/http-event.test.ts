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
});
