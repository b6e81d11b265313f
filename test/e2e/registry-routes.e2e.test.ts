import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { bootStack } from '../support/embedded-stack';

// The registry's HTTP routes the web console uses, end to end: ml-train publishes plots to s3rver,
// serverless-offline serves them and the promote/rollback routes move the pointer ml-predict
// follows (real ONNX Runtime). Nothing is mocked.
jest.setTimeout(300_000);

interface ErrorBody {
  error?: { type: string; message: string };
}
interface PlotLink {
  id: string;
  title: string;
  url: string;
}
interface VersionsBody extends ErrorBody {
  promoted: string;
  versions: { version: string; promoted: boolean; plots: PlotLink[] }[];
}
interface PromotionBody extends ErrorBody {
  model: string;
  from: string;
  to: string;
  changed: boolean;
  pointer: { version: string; history: { version: string }[] };
}

let stack: LocalStack;
let cleanup: () => Promise<void>;
let s3: S3Client;
let v1: string;
let v2: string;
let rain: string;

async function call<T>(method: string, route: string, body?: string) {
  const res = await fetch(`${stack.httpUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, text, body: (type.includes('json') ? JSON.parse(text) : {}) as T & ErrorBody };
}

async function train(event: object): Promise<string> {
  const out = await stack.invoke<{ version: string }>('ml-train', event);
  expect(out.functionError).toBeUndefined();
  return out.payload.version;
}

const s3Text = async (key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: stack.buckets.models, Key: key }))).Body?.transformToString();
const servedVersion = async () => (await stack.invoke<{ modelVersion: string }>('ml-predict', {})).payload.modelVersion;

beforeAll(async () => {
  process.env.MODEL_POINTER_TTL_MS = '0';
  ({ stack, cleanup } = await bootStack('e2e-registry-routes'));
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  v1 = await train({});
  v2 = await train({ hyperParameters: { gamma: 0.0005 } });
  rain = await train({ model: 'rain' });
});

afterAll(async () => {
  s3?.destroy();
  await cleanup?.();
});

describe('plots', () => {
  it('lists each version with its plots and their URLs', async () => {
    const { status, body } = await call<VersionsBody>('GET', '/models/digits');
    expect(status).toBe(200);
    expect(body.versions.map((v) => v.plots)).toEqual(
      [v1, v2].map((version) => [
        {
          id: 'confusion-matrix',
          title: 'Confusion matrix on the test images',
          url: `/models/digits/versions/${version}/plots/confusion-matrix.svg`,
        },
      ]),
    );
  });

  it('serves a plot as image/svg+xml, the bytes ml-train stored, axes labelled', async () => {
    const res = await call('GET', `/models/digits/versions/${v1}/plots/confusion-matrix.svg`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/svg+xml');
    expect(res.text).toBe(await s3Text(`models/digits/versions/${v1}/plots/confusion-matrix.svg`));
    expect(res.text).toMatch(/^<svg /);
    for (const text of ['Predicted label', 'True label', '871 of 899 test images correct (96.9%)']) {
      expect(res.text).toContain(text);
    }
  });

  it("serves rain's ROC curve with its AUC and its reliability diagram", async () => {
    const { body } = await call<VersionsBody>('GET', '/models/rain');
    const [version] = body.versions;
    expect(version.plots.map((p) => p.id)).toEqual(['roc-curve', 'reliability']);
    const roc = await call('GET', version.plots[0].url);
    expect(roc.status).toBe(200);
    expect(roc.text).toMatch(/ROC curve \(AUC 0\.\d{3}\)/);
    expect(roc.text).toContain('False positive rate');
    const reliability = await call('GET', `/models/rain/versions/${rain}/plots/reliability.svg`);
    expect(reliability.text).toContain('persistence (Brier');
  });

  it.each([
    ['an unknown plot', () => `/models/digits/versions/${v1}/plots/roc-curve.svg`, 404, 'NotFoundError'],
    [
      'an unknown version',
      () => '/models/digits/versions/2020-01-01T00-00-00-000Z-000000/plots/confusion-matrix.svg',
      404,
      'NotFoundError',
    ],
    ['an unknown model', () => `/models/pixels/versions/${v1}/plots/confusion-matrix.svg`, 404, 'NotFoundError'],
    [
      'a plot not asked as .svg',
      () => `/models/digits/versions/${v1}/plots/confusion-matrix.png`,
      400,
      'ValidationError',
    ],
  ])('answers %s with a JSON error', async (_what, route, status, type) => {
    const res = await call('GET', route());
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/json');
    expect(res.body.error?.type).toBe(type);
  });
});

describe('promote and rollback over HTTP', () => {
  it('promotes the first version: the answer is the new pointer and ml-predict serves it', async () => {
    const { status, body } = await call<PromotionBody>(
      'POST',
      '/models/digits/promote',
      JSON.stringify({ version: v1 }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ model: 'digits', from: v2, to: v1, changed: true, pointer: { version: v1 } });
    expect(JSON.parse((await s3Text('models/digits/latest.json')) ?? '')).toEqual(body.pointer);
    expect(await servedVersion()).toBe(v1);
    expect((await call<VersionsBody>('GET', '/models/digits')).body.promoted).toBe(v1);
  });

  it('rolls back to the version promoted before', async () => {
    const { status, body } = await call<PromotionBody>('POST', '/models/digits/rollback');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: v1, to: v2, changed: true, pointer: { version: v2 } });
    expect(await servedVersion()).toBe(v2);
  });

  it('answers 404 for an unknown version or model, 400 for a bad body, and moves nothing', async () => {
    const unknown = await call(
      'POST',
      '/models/digits/promote',
      JSON.stringify({ version: '2020-01-01T00-00-00-000Z-000000' }),
    );
    expect(unknown.status).toBe(404);
    expect((await call('POST', '/models/pixels/rollback')).status).toBe(404);
    const bad = await call('POST', '/models/digits/promote', JSON.stringify({ versoin: v1 }));
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { type: 'ValidationError', message: expect.stringMatching(/^unknown field versoin/) } },
    });
    expect((await call<VersionsBody>('GET', '/models/digits')).body.promoted).toBe(v2);
  });

  it('answers 409 for a version whose publish did not finish (no metadata.json)', async () => {
    const orphan = '2030-01-01T00-00-00-000Z-0bad00';
    const onnx = await s3.send(
      new GetObjectCommand({ Bucket: stack.buckets.models, Key: `models/digits/versions/${v1}/model.onnx` }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: stack.buckets.models,
        Key: `models/digits/versions/${orphan}/model.onnx`,
        Body: await onnx.Body?.transformToByteArray(),
      }),
    );
    const res = await call('POST', '/models/digits/promote', JSON.stringify({ version: orphan }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      type: 'ModelIntegrityError',
      message: expect.stringContaining('the publish did not finish'),
    });
    expect(await servedVersion()).toBe(v2);
  });
});
