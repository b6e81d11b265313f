import { ValidationError } from '@serverless-ml/errors';
import { jsonObjectBody } from './json-body';

const post = (body: unknown, isBase64Encoded = false) => ({
  requestContext: { http: { method: 'POST' } },
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body,
  isBase64Encoded,
});

describe('jsonObjectBody', () => {
  it('parses a JSON object whatever the content-type, base64 included', () => {
    expect(jsonObjectBody(post('{"images": []}'))).toEqual({ images: [] });
    expect(jsonObjectBody(post(Buffer.from('{"a":1}').toString('base64'), true))).toEqual({ a: 1 });
  });

  it('reads no body, or only whitespace, as undefined', () => {
    expect(jsonObjectBody(post(undefined))).toBeUndefined();
    expect(jsonObjectBody(post(null))).toBeUndefined();
    expect(jsonObjectBody(post(' \n'))).toBeUndefined();
  });

  it('parses once: a JSON string holding JSON is a string, not an object', () => {
    expect(() => jsonObjectBody(post(JSON.stringify('{"images": []}')))).toThrow(
      'request body must be a JSON object, got a string',
    );
  });

  it.each([
    ['42', 'a number'],
    ['true', 'true'],
    ['null', 'null'],
    ['[1, 2]', 'an array'],
    ['"abc"', 'a string'],
  ])('answers 400 "request body must be a JSON object" for valid JSON %s', (body, kind) => {
    expect(() => jsonObjectBody(post(body))).toThrow(ValidationError);
    expect(() => jsonObjectBody(post(body))).toThrow(`request body must be a JSON object, got ${kind}`);
  });

  it('answers 400 "not valid JSON" with the parser\'s reason for a malformed body', () => {
    expect(() => jsonObjectBody(post('{"images": [[1,2'))).toThrow(/^request body is not valid JSON: /);
  });
});
