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
/** An HTTP API event as API Gateway (and serverless-offline) sends it: the route it matched, its path parameters. */
const route = (routeKey: string, pathParameters: Record<string, string>, body?: unknown) => ({
  routeKey,
  requestContext: { http: { method: routeKey.split(' ')[0] } },
  headers: {},
  pathParameters,
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});
const PLOT_ROUTE = 'GET /models/{name}/versions/{version}/plots/{file}';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>Confusion matrix</text></svg>\n';
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
    // V1 was trained with a plot, V2 as before plots were made.
    const files: Record<string, Uint8Array | string> = { 'model.onnx': onnx };
    if (version === V1) files['plots/confusion-matrix.svg'] = SVG;
    if (version === V1) bucket.objects.set(`models/digits/versions/${V1}/plots/confusion-matrix.svg`, Buffer.from(SVG));
    const metadata = JSON.parse(completedMetadata('digits', version, files, { metrics: { accuracy }, baselines: {} }));
    for (const artifact of metadata.artifacts) {
      if (artifact.name.endsWith('.svg')) artifact.contentType = 'image/svg+xml';
    }
    const plots =
      version === V1
        ? [{ id: 'confusion-matrix', title: 'Confusion matrix', file: 'plots/confusion-matrix.svg' }]
        : undefined;
    put(`models/digits/versions/${version}/metadata.json`, { ...metadata, plots, trainedAt: version });
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
    const plots = [
      {
        id: 'confusion-matrix',
        title: 'Confusion matrix',
        url: `/models/digits/versions/${V1}/plots/confusion-matrix.svg`,
      },
    ];
    expect(body.versions).toEqual([
      { version: V1, promoted: true, trainedAt: V1, metrics: { accuracy: 0.97 }, plots, ...common },
      { version: V2, promoted: false, trainedAt: V2, metrics: { accuracy: 0.95 }, plots: [], ...common },
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
    expect(JSON.parse(res.body).error.message).toBe('unknown parameter "version": the /models routes take none');
  });

  it('answers GET …/plots/{id}.svg with the stored SVG', async () => {
    const res = (await handler(
      route(PLOT_ROUTE, { name: 'digits', version: V1, file: 'confusion-matrix.svg' }),
      {},
    )) as Response & {
      headers: Record<string, string>;
    };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body).toBe(SVG);
  });

  it.each([
    [
      { name: 'digits', version: V1, file: 'roc-curve.svg' },
      404,
      `digits@${V1} has no plot "roc-curve" (its plots: confusion-matrix)`,
    ],
    [
      { name: 'digits', version: V2, file: 'confusion-matrix.svg' },
      404,
      `digits@${V2} has no plot "confusion-matrix" (it has none (trained before plots were made))`,
    ],
    [
      { name: 'digits', version: '2026-05-05T00-00-00-000Z-000000', file: 'confusion-matrix.svg' },
      404,
      'no version "2026-05-05T00-00-00-000Z-000000" of model digits: list them with `pnpm ml models show digits`',
    ],
    [{ name: 'rain', version: V1, file: 'roc-curve.svg' }, 404, 'no model named "rain" (models: digits)'],
    [
      { name: 'digits', version: V1, file: 'confusion-matrix.png' },
      400,
      'plots are served as <id>.svg, e.g. roc-curve.svg; got "confusion-matrix.png"',
    ],
  ])('answers a plot request for %j with %i and a JSON error', async (params, status, message) => {
    const res = (await handler(route(PLOT_ROUTE, params), {})) as Response;
    expect(res.statusCode).toBe(status);
    expect(JSON.parse(res.body).error.message).toBe(message);
  });

  it('promotes a version with POST /models/{name}/promote and rolls back with POST …/rollback, answering the pointer', async () => {
    const promote = (await handler(
      route('POST /models/{name}/promote', { name: 'digits' }, { version: V2 }),
      {},
    )) as Response;
    expect(promote.statusCode).toBe(200);
    expect(JSON.parse(promote.body)).toMatchObject({
      model: 'digits',
      from: V1,
      to: V2,
      changed: true,
      pointer: { version: V2 },
    });
    expect(JSON.parse(bucket.text('models/digits/latest.json'))).toMatchObject({
      version: V2,
      history: [{ version: V1 }, { version: V2 }],
    });

    const rollback = (await handler(route('POST /models/{name}/rollback', { name: 'digits' }), {})) as Response;
    expect(rollback.statusCode).toBe(200);
    expect(JSON.parse(rollback.body)).toMatchObject({ from: V2, to: V1, changed: true, pointer: { version: V1 } });
    expect(JSON.parse(bucket.text('models/digits/latest.json')).version).toBe(V1);
  });

  it.each([
    [
      { version: '2026-05-05T00-00-00-000Z-000000' },
      404,
      /^no version "2026-05-05T00-00-00-000Z-000000" of model digits/,
    ],
    [{}, 400, /^version is required: send \{"version": "<version id>"\}/],
    [{ version: 7 }, 400, /^version must be a string/],
    [{ version: V1, force: true }, 400, /^unknown field force/],
    ['{"version":', 400, /^request body is not valid JSON/],
  ])('answers POST …/promote with %j by %i', async (body, status, message) => {
    const res = (await handler(route('POST /models/{name}/promote', { name: 'digits' }, body), {})) as Response;
    expect(res.statusCode).toBe(status);
    expect(JSON.parse(res.body).error.message).toMatch(message);
  });

  it('answers 409 for promoting a version whose publish did not finish, and for a rollback with no history', async () => {
    const orphan = '2026-01-09T00-00-00-000Z-dddddd';
    bucket.objects.set(`models/digits/versions/${orphan}/model.onnx`, new Uint8Array([3]));
    const res = (await handler(
      route('POST /models/{name}/promote', { name: 'digits' }, { version: orphan }),
      {},
    )) as Response;
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error).toMatchObject({
      type: 'ModelIntegrityError',
      message: expect.stringContaining('the publish did not finish'),
    });
    bucket.objects.delete(`models/digits/versions/${orphan}/model.onnx`);

    const saved = bucket.objects.get('models/digits/latest.json') as Uint8Array;
    put('models/digits/latest.json', { ...JSON.parse(Buffer.from(saved).toString()), history: [] });
    const rollback = (await handler(route('POST /models/{name}/rollback', { name: 'digits' }), {})) as Response;
    expect(rollback.statusCode).toBe(409);
    expect(JSON.parse(rollback.body).error.type).toBe('RegistryConflictError');
    bucket.objects.set('models/digits/latest.json', saved);
  });

  it('answers 404 for promoting or rolling back a model that does not exist', async () => {
    const promote = (await handler(
      route('POST /models/{name}/promote', { name: 'pixels' }, { version: V1 }),
      {},
    )) as Response;
    expect(promote.statusCode).toBe(404);
    const rollback = (await handler(route('POST /models/{name}/rollback', { name: 'pixels' }), {})) as Response;
    expect(JSON.parse(rollback.body).error).toEqual({
      type: 'NotFoundError',
      message: 'no model named "pixels" (models: digits)',
    });
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
