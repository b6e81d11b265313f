import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { sha256Hex } from '@serverless-ml/model-store';
import { completedMetadata } from '@serverless-ml/model-store/testing';
import { mockBucket } from '../../../packages/model-store/src/mock-bucket.fixture';
import { modelListSchema, modelVersionsSchema } from './schema';

type Response = { statusCode: number; body: string };
type Handler = (event: unknown, context: unknown) => Promise<Response | Record<string, unknown>>;

const bucket = mockBucket();
let handler: Handler;
let ortLoaded = false;

const http = (name?: string) => ({
  requestContext: { http: { method: 'GET' } },
  headers: {},
  ...(name === undefined ? {} : { pathParameters: { name } }),
});
const put = (key: string, value: unknown) => bucket.objects.set(key, new TextEncoder().encode(JSON.stringify(value)));
const V1 = '2026-01-01T00-00-00-000Z-aaaaaa';
const V2 = '2026-01-02T00-00-00-000Z-bbbbbb';

beforeAll(() => {
  Object.assign(process.env, { DATA_BUCKET: 'data-bucket', MODEL_BUCKET: 'model-bucket' });
  jest.doMock('onnxruntime-node', () => {
    ortLoaded = true;
    return {};
  });
  handler = require('./handler').handler;
  for (const [version, accuracy] of [
    [V1, 0.97],
    [V2, 0.95],
  ] as const) {
    const onnx = new Uint8Array([version === V1 ? 1 : 2]);
    bucket.objects.set(`models/digits/versions/${version}/model.onnx`, onnx);
    const metadata = completedMetadata(
      'digits',
      version,
      { 'model.onnx': onnx },
      { metrics: { accuracy }, baselines: {} },
    );
    put(`models/digits/versions/${version}/metadata.json`, { ...JSON.parse(metadata), trainedAt: version });
  }
  put('models/digits/latest.json', {
    model: 'digits',
    version: V1,
    prefix: `models/digits/versions/${V1}/`,
    modelSha256: sha256Hex(new Uint8Array([1])),
    publishedAt: '2026-01-03T00:00:00.000Z',
    history: [{ version: V2, modelSha256: sha256Hex(new Uint8Array([2])), promotedAt: '2026-01-02T00:00:00.000Z' }],
  });
});

afterAll(() => bucket.mock.restore());

describe('model-registry handler', () => {
  it('answers GET /models with every model and its promoted version', async () => {
    const res = (await handler(http(), {})) as Response;
    expect(res.statusCode).toBe(200);
    // The API description's schema, closed: a field it does not list fails here.
    expect(modelListSchema.parse(JSON.parse(res.body))).toEqual(JSON.parse(res.body));
    expect(JSON.parse(res.body)).toEqual({
      models: [
        { name: 'digits', promoted: V1, promotedAt: '2026-01-03T00:00:00.000Z', versions: 2, newestVersion: V2 },
      ],
    });
  });

  it('answers GET /models/{name} with the versions, their metrics and the promoted one marked', async () => {
    const res = (await handler(http('digits'), {})) as Response;
    const body = JSON.parse(res.body);
    expect(modelVersionsSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      name: 'digits',
      promoted: V1,
      history: [{ version: V2 }],
      integrity: { state: 'verified' },
    });
    const common = { state: 'complete', algorithm: 'svc', modelSha256: expect.any(String) };
    expect(body.versions).toEqual([
      { version: V1, promoted: true, trainedAt: V1, metrics: { accuracy: 0.97 }, ...common },
      { version: V2, promoted: false, trainedAt: V2, metrics: { accuracy: 0.95 }, ...common },
    ]);
  });

  it('shows a promoted version whose files no longer match as failing its integrity check', async () => {
    const key = `models/digits/versions/${V1}/model.onnx`;
    bucket.objects.set(key, new Uint8Array([9]));
    const body = JSON.parse(((await handler(http('digits'), {})) as Response).body);
    expect(body.integrity).toEqual({ state: 'failed', problem: expect.stringMatching(/its model.onnx has sha256/) });
    bucket.objects.set(key, new Uint8Array([1]));
  });

  it('answers 404 naming an unknown model and 400 for a malformed name', async () => {
    const missing = (await handler(http('digitz'), {})) as Response;
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error).toEqual({
      type: 'NotFoundError',
      message: 'no model named "digitz" (models: digits)',
    });
    expect(((await handler(http('Digits!'), {})) as Response).statusCode).toBe(400);
  });

  it('answers 400 naming a query parameter it does not take, instead of ignoring it', async () => {
    const res = (await handler({ ...http('digits'), queryStringParameters: { version: V2 } }, {})) as Response;
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe(
      'unknown parameter "version": GET /models and GET /models/{name} take none',
    );
  });

  it('answers a direct invocation with the result object', async () => {
    await expect(handler({ name: 'digits' }, {})).resolves.toMatchObject({ promoted: V1 });
    await expect(handler({}, {})).resolves.toMatchObject({ models: [{ name: 'digits' }] });
    await expect(handler({ nom: 'digits' }, {})).rejects.toThrow('unknown field nom');
  });

  it('answers 503 when S3 fails', async () => {
    bucket.mock.on(ListObjectsV2Command).rejectsOnce(new Error('socket hang up'));
    const res = (await handler(http(), {})) as Response;
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body).error.message).toBe('could not read the model registry from S3');
  });

  it('never loads ONNX Runtime', () => {
    expect(ortLoaded).toBe(false);
  });
});
