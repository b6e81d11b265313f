import { mockBucket } from '../../../packages/model-store/src/mock-bucket.fixture';
import { MAX_BODY_BYTES } from './invocation-limits';
import { invocationAnswerSchema, pingAnswerSchema } from './schema';
import { digitsModel, storesModel, storeVersion } from './test-models.fixture';

// The handler over HTTP API events, with S3 in memory (aws-sdk-client-mock) and the real ONNX Runtime.
const bucket = mockBucket(100);
const DIGITS = digitsModel();
const PINNED = '2025-06-01T00-00-00-000Z-bbbbbb';

type Response = { statusCode: number; headers: Record<string, string>; body: string };
type Handler = (event: unknown, context: unknown) => Promise<Response>;
let handler: Handler;

interface Request {
  name?: string;
  body?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  base64?: boolean;
}

const invocation = ({ name = 'digits', body = '', headers = {}, query, base64 = false }: Request) => ({
  version: '2.0',
  routeKey: 'POST /endpoints/{name}/invocations',
  requestContext: { http: { method: 'POST', path: `/endpoints/${name}/invocations` } },
  pathParameters: { name },
  headers: { 'content-type': 'text/csv', ...headers },
  queryStringParameters: query ?? null,
  body: base64 ? Buffer.from(body).toString('base64') : body,
  isBase64Encoded: base64,
});

async function errorOf(request: Request) {
  const res = await handler(invocation(request), {});
  const body = JSON.parse(res.body);
  // SageMaker's top-level message (what the SDKs make the exception's message) repeats the API's.
  expect(body.message).toBe(body.error.message);
  return { status: res.statusCode, errorType: res.headers['x-amzn-errortype'], ...body.error };
}

beforeAll(() => {
  Object.assign(process.env, { DATA_BUCKET: 'data-bucket', MODEL_BUCKET: 'model-bucket', MODEL_POINTER_TTL_MS: '0' });
  storeVersion(bucket.objects, DIGITS);
  storeVersion(bucket.objects, digitsModel(PINNED), false);
  storeVersion(bucket.objects, storesModel());
  handler = require('./handler').handler;
});
afterAll(() => bucket.mock.restore());

describe('invocations handler', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers GET /ping with 200 without reading S3', async () => {
    const calls = bucket.mock.calls().length;
    const ping = { routeKey: 'GET /ping', requestContext: { http: { method: 'GET' } }, headers: {} };
    const res = await handler(ping, {});
    expect(res).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
    expect(pingAnswerSchema.parse(JSON.parse(res.body))).toEqual(JSON.parse(res.body));
    expect(bucket.mock.calls()).toHaveLength(calls);
  });

  it('answers CSV rows with JSON predictions, naming the version that answered in a header', async () => {
    const res = await handler(invocation({ body: '5,1,0,9\n0,0,2,0\n' }), {});
    expect(res.statusCode).toBe(200);
    expect(res.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'x-amzn-invoked-production-variant': DIGITS.version,
    });
    // The API description's schema, closed: a field it does not list fails here.
    expect(invocationAnswerSchema.parse(JSON.parse(res.body))).toEqual(JSON.parse(res.body));
    expect(JSON.parse(res.body)).toEqual({
      predictions: [
        { label: 0, scores: [5, 1, 0] },
        { label: 2, scores: [0, 0, 2] },
      ],
      model: 'digits',
      version: DIGITS.version,
    });
  });

  it('answers in CSV when Accept asks for it, from a base64-encoded JSON body', async () => {
    const body = JSON.stringify({ instances: [{ pixel_0: 0, pixel_1: 3, pixel_2: 1, pixel_3: 0 }] });
    const res = await handler(
      invocation({ body, base64: true, headers: { 'content-type': 'application/json', accept: 'text/csv' } }),
      {},
    );
    expect(res).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: '1\n' });
  });

  it('serves a version pinned in the custom attributes or in the query', async () => {
    const attributes = { 'x-amzn-sagemaker-custom-attributes': `version=${PINNED}` };
    const viaHeader = await handler(invocation({ body: '1,0,0,0', headers: attributes }), {});
    expect(JSON.parse(viaHeader.body).version).toBe(PINNED);
    const viaQuery = await handler(invocation({ body: '1,0,0,0', query: { version: PINNED } }), {});
    expect(viaQuery.headers['x-amzn-invoked-production-variant']).toBe(PINNED);
  });

  it('takes k from the custom attributes for a nearest-neighbours model', async () => {
    const headers = { 'x-amzn-sagemaker-custom-attributes': 'k=1', accept: 'text/csv' };
    const res = await handler(invocation({ name: 'stores', body: '39.153198,-77.066176', headers }), {});
    expect(res.body).toBe('GAI,8.7697\n');
    const json = await handler(invocation({ name: 'stores', body: '39.153198,-77.066176', query: { k: '1' } }), {});
    expect(invocationAnswerSchema.parse(JSON.parse(json.body))).toEqual(JSON.parse(json.body));
  });

  it.each([
    ['a bad cell', { body: '5,1,x,9' }, 400, 'ValidationError', 'row 1, column pixel_2 must be a number, got "x"'],
    [
      'an unknown model',
      { name: 'housing', body: '1' },
      404,
      'NotFoundError',
      'no model named "housing" (models: digits, stores)',
    ],
    [
      'an unknown version',
      { body: '1', query: { version: '2020-01-01T00-00-00-000Z-000000' } },
      404,
      'NotFoundError',
      /2020-01-01T00-00-00-000Z-000000/,
    ],
    [
      'a form body',
      { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'UnsupportedMediaTypeError',
      /send text\/csv or application\/json$/,
    ],
    [
      'Accept: text/html',
      { body: '1,0,0,0', headers: { accept: 'text/html' } },
      406,
      'NotAcceptableError',
      /accept application\/json \(the default\) or text\/csv$/,
    ],
    [
      'k for a classifier',
      { body: '1,0,0,0', query: { k: '3' } },
      400,
      'ValidationError',
      /^k applies to nearest-neighbours models only/,
    ],
    [
      'an unknown parameter',
      { body: '1,0,0,0', query: { model: 'rain' } },
      400,
      'ValidationError',
      'unknown parameter "model": send version and k',
    ],
  ])(
    'answers %s with its status, the error shape and x-amzn-ErrorType',
    async (_name, request, status, type, message) => {
      expect(await errorOf(request)).toMatchObject({
        status,
        type,
        errorType: type,
        message: typeof message === 'string' ? message : expect.stringMatching(message),
      });
    },
  );

  it('puts the row and column of a bad cell in the error details', async () => {
    expect(await errorOf({ body: '0,0,0,0\n5,1,x,9' })).toMatchObject({ details: { row: 2, column: 'pixel_2' } });
  });

  it('answers 413 for a body over the limit, before reading the model', async () => {
    const calls = bucket.mock.calls().length;
    const body = '0,0,0,0\n'.repeat(Math.ceil(MAX_BODY_BYTES / 8) + 1);
    expect(await errorOf({ body })).toMatchObject({
      status: 413,
      type: 'PayloadTooLargeError',
      message: expect.stringMatching(
        /^the request body has \d+ bytes; an invocation takes at most 5242880 \(5 MiB\): split it$/,
      ),
    });
    expect(bucket.mock.calls()).toHaveLength(calls);
  });

  it('logs a client error as one warn line, without a stack', async () => {
    await errorOf({ body: '5,1' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0][0]))).toMatchObject({
      level: 'warn',
      msg: 'client error',
      status: 400,
    });
  });

  it('refuses a direct invocation, saying how to call it', async () => {
    await expect(handler({ model: 'digits' }, {})).rejects.toThrow(/invoke this function over HTTP/);
  });
});
