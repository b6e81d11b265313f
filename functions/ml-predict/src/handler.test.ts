import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

// Every request here is refused before the model is read: S3 is mocked only so that nothing leaves the process.
mockClient(S3Client);
const ZEROS = Array(64).fill(0);

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
let handler: Handler;

const post = (body: string | undefined, query: Record<string, string> | null = null) => ({
  requestContext: { http: { method: 'POST' } },
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  queryStringParameters: query,
  body,
  isBase64Encoded: false,
});

async function errorOf(event: unknown) {
  const res = await handler(event, {});
  return { status: res.statusCode, ...JSON.parse(res.body).error };
}

beforeAll(() => {
  Object.assign(process.env, { DATA_BUCKET: 'data-bucket', MODEL_BUCKET: 'model-bucket', MODEL_POINTER_TTL_MS: '0' });
  handler = require('./handler').handler;
});

describe('ml-predict handler over HTTP', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['a string', '"abc"', 'request body must be a JSON object, got a string'],
    ['a number', '42', 'request body must be a JSON object, got a number'],
    ['null', 'null', 'request body must be a JSON object, got null'],
    ['an array', '[[0, 0]]', 'request body must be a JSON object, got an array'],
  ])('answers 400 "must be a JSON object" for a body that is valid JSON but %s', async (_name, body, message) => {
    expect(await errorOf(post(body))).toEqual({ status: 400, type: 'ValidationError', message });
  });

  it('parses the body once: JSON text inside a JSON string is not taken for the request', async () => {
    const nested = JSON.stringify(JSON.stringify({ images: [ZEROS] }));
    expect(await errorOf(post(nested))).toMatchObject({ status: 400, message: /got a string$/ });
  });

  it('answers 400 "not valid JSON" for a malformed body, and logs it as a client error without a stack', async () => {
    expect(await errorOf(post('{"images": [[1,2'))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^request body is not valid JSON: /),
    });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0][0]))).toMatchObject({
      level: 'warn',
      msg: 'client error',
      status: 400,
    });
    expect(String(warn.mock.calls[0][0])).not.toContain('stack');
  });

  it('refuses a prototype key instead of merging it', async () => {
    const body = `{"__proto__": {"polluted": true}, "images": [[${ZEROS.join(',')}]]}`;
    expect(await errorOf(post(body))).toMatchObject({ status: 400, type: 'ValidationError' });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('says what to send for an empty body', async () => {
    expect(await errorOf(post(''))).toMatchObject({ status: 400, message: /needs a JSON body like/ });
  });

  it('refuses ?version= (it belongs in the body) rather than serve the promoted model', async () => {
    const body = JSON.stringify({ images: [ZEROS] });
    expect(await errorOf(post(body, { version: '2026-01-01T00-00-00-000Z-a1b2c3' }))).toEqual({
      status: 400,
      type: 'ValidationError',
      message: 'unknown parameter "version": POST /digits/predict reads only its JSON body: send "version" there',
    });
  });

  it('says a pixel of -1e309 must be a finite number', async () => {
    const body = `{"images": [[-1e309, ${ZEROS.slice(1).join(',')}]]}`;
    expect(await errorOf(post(body))).toMatchObject({
      status: 400,
      message: 'images[0][0] must be a finite number, got -Infinity',
    });
  });
});
