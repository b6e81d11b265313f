import { ValidationError } from '@serverless-ml/errors';
import { ok, readInput } from './read-input';

const http = (fields: Record<string, unknown>) => ({
  requestContext: { http: { method: 'GET' } },
  headers: {},
  ...fields,
});
const BODY = { from: 'body', queryHint: 'send "version" in the JSON body' } as const;

describe('readInput from the query', () => {
  it("reads an HTTP event's query, cleaned by the rule, and hands the event on", () => {
    const event = http({ queryStringParameters: { lat: ' 12 ', long: '-77.1' } });
    expect(readInput(event, { from: 'query' })).toEqual({ http: true, event, params: { lat: '12', long: '-77.1' } });
    expect(readInput(http({ queryStringParameters: null }), { from: 'query' })).toMatchObject({
      http: true,
      params: {},
    });
  });

  it("reads a direct invocation's fields by the same rule, numbers kept", () => {
    expect(readInput({ lat: ' 12 ', long: -77.1 }, { from: 'query' })).toEqual({
      http: false,
      params: { lat: '12', long: -77.1 },
    });
  });

  it('passes a direct invocation that is not an object on, for the schema to refuse', () => {
    expect(readInput('lat=12', { from: 'query' })).toEqual({ http: false, params: 'lat=12' });
    expect(readInput(undefined, { from: 'query' })).toEqual({ http: false, params: undefined });
  });

  it('refuses a control character in an HTTP query or a direct invocation with a 400 naming it', () => {
    const event = http({ queryStringParameters: { city: 'Seattle\u0000' } });
    expect(() => readInput(event, { from: 'query' })).toThrow(ValidationError);
    expect(() => readInput({ city: 'Seattle\u0000' }, { from: 'query' })).toThrow(
      'city must not contain control characters (found U+0000)',
    );
  });
});

describe('readInput from the body', () => {
  it("parses an HTTP event's JSON body once, whatever its content-type", () => {
    const event = http({ body: '{"images": [[1, 2]]}', headers: { 'content-type': 'text/plain' } });
    expect(readInput(event, BODY)).toEqual({ http: true, event, body: { images: [[1, 2]] } });
    expect(readInput(http({ body: '' }), BODY)).toMatchObject({ http: true, body: undefined });
  });

  it('takes a direct invocation as the body, as it came', () => {
    const event = { images: [[1, 2]], version: ' v1 ' };
    expect(readInput(event, BODY)).toEqual({ http: false, body: event });
    expect(readInput(null, BODY)).toEqual({ http: false, body: null });
  });

  it('refuses query parameters with the hint, before reading the body', () => {
    const event = http({ queryStringParameters: { version: 'v1' }, body: '{"images": [[1,2' });
    expect(() => readInput(event, BODY)).toThrow('unknown parameter "version": send "version" in the JSON body');
  });

  it('answers 400 for a body that is not a JSON object', () => {
    expect(() => readInput(http({ body: '[1, 2]' }), BODY)).toThrow('request body must be a JSON object, got an array');
    expect(() => readInput(http({ body: '{"images": [[1,2' }), BODY)).toThrow(/^request body is not valid JSON: /);
  });
});

describe('ok', () => {
  it('answers an HTTP event with 200 and the result as JSON', () => {
    expect(ok({ stores: [{ id: 'GAI', distance_km: 8.7697 }] }, true)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"stores":[{"id":"GAI","distance_km":8.7697}]}',
    });
  });

  it('answers a direct invocation with the result itself', () => {
    const result = { models: [] };
    expect(ok(result, false)).toBe(result);
  });
});
