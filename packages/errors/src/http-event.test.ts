import { isHttpEvent, isRecord, jsonResponse } from './http-event';

describe('isHttpEvent', () => {
  it('recognises HTTP API and REST API events by their requestContext and headers', () => {
    expect(isHttpEvent({ requestContext: { http: { method: 'GET' } }, headers: {} })).toBe(true);
    expect(isHttpEvent({ requestContext: { httpMethod: 'GET' }, headers: null, queryStringParameters: null })).toBe(
      true,
    );
  });

  it.each([
    ['an empty direct invocation', {}],
    ['a direct invocation with fields', { lat: 39.15, long: -77.07 }],
    ['an event with headers only', { headers: {} }],
    ['null', null],
    ['a string', 'requestContext'],
    ['undefined', undefined],
  ])('takes %s for a direct invocation', (_name, event) => {
    expect(isHttpEvent(event)).toBe(false);
  });
});

describe('isRecord', () => {
  it('is true for plain objects only, not for null or arrays', () => {
    expect([{}, { a: 1 }, null, [], 'x', 1, undefined].map(isRecord)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('jsonResponse', () => {
  it('answers the status with a JSON content-type and the value as JSON text', () => {
    expect(jsonResponse(404, { error: { type: 'NotFoundError', message: 'no such model' } })).toEqual({
      statusCode: 404,
      headers: { 'content-type': 'application/json' },
      body: '{"error":{"type":"NotFoundError","message":"no such model"}}',
    });
  });
});
