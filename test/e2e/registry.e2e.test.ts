import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { bootStack } from '../support/embedded-stack';

// The model registry end to end: ml-train twice, GET /models through serverless-offline, the
// `pnpm ml` CLI against s3rver, and ml-predict following promotions and serving pinned versions
// with the real ONNX Runtime. Nothing is mocked.
jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'packages/ml-cli/src/ml.ts');
const UNKNOWN = '2020-01-01T00-00-00-000Z-000000';
const ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];

interface ErrorOut {
  errorMessage?: string;
  error?: { type: string; message: string };
}
interface VersionsOut extends ErrorOut {
  promoted: string;
  history: { version: string }[];
  versions: { version: string; promoted: boolean; metrics: Record<string, number> }[];
}

let stack: LocalStack;
let cleanup: () => Promise<void>;
let s3: S3Client;
let v1: string;
let v2: string;

async function http<T>(method: string, route: string, body?: unknown) {
  const res = await fetch(`${stack.httpUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T & ErrorOut };
}

async function ml(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const target = ['--endpoint', stack.s3Endpoint, '--bucket', stack.buckets.models];
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, [CLI, ...args, ...target], { cwd: ROOT });
    return { code: 0, stdout: stdout.trim(), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout.trim(), stderr: e.stderr.trim() };
  }
}

async function train(gamma: number): Promise<string> {
  const out = await stack.invoke<{ version: string }>('ml-train', { hyperParameters: { gamma } });
  expect(out.functionError).toBeUndefined();
  return out.payload.version;
}

const predictedVersion = async (event: unknown = {}) =>
  (await stack.invoke<{ modelVersion: string; correct: number }>('ml-predict', event)).payload;

beforeAll(async () => {
  process.env.MODEL_POINTER_TTL_MS = '0';
  ({ stack, cleanup } = await bootStack('e2e-registry'));
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
  v1 = await train(0.001);
  v2 = await train(0.0005);
});

afterAll(async () => {
  s3?.destroy();
  await cleanup?.();
});

describe('GET /models', () => {
  it('lists digits with its newest training promoted', async () => {
    const { status, body } = await http<{ models: { name: string; promoted: string; versions: number }[] }>(
      'GET',
      '/models',
    );
    expect(status).toBe(200);
    expect(body.models).toEqual([expect.objectContaining({ name: 'digits', promoted: v2, versions: 2 })]);
  });

  it('lists both versions with their metrics, the promoted one marked', async () => {
    const { body } = await http<VersionsOut>('GET', '/models/digits');
    expect(body.versions.map((v) => [v.version, v.promoted])).toEqual([
      [v1, false],
      [v2, true],
    ]);
    expect(body.versions[0].metrics).toMatchObject({ accuracy: expect.closeTo(0.96885, 5), correct: 871, total: 899 });
    expect(body.history.map((h) => h.version)).toEqual([v1]);
  });

  it('answers 404 for a model that does not exist', async () => {
    const { status, body } = await http('GET', '/models/pixels');
    expect(status).toBe(404);
    expect(body.error?.message).toBe('no model named "pixels" (models: digits)');
  });
});

describe('promote, rollback and pinned versions', () => {
  it('promotes the first version with the CLI, and ml-predict serves it', async () => {
    const out = await ml('models', 'promote', `digits@${v1}`);
    expect(out).toMatchObject({
      code: 0,
      stdout: `promoted digits@${v1} (was ${v2}); undo with: pnpm ml models rollback digits`,
    });
    expect(await predictedVersion()).toMatchObject({ modelVersion: v1, correct: 871 });
    const { body } = await http<VersionsOut>('GET', '/models/digits');
    expect(body.promoted).toBe(v1);
  });

  it('rolls back with the CLI to the version promoted before', async () => {
    expect((await ml('models', 'rollback', 'digits')).code).toBe(0);
    expect((await predictedVersion()).modelVersion).toBe(v2);
    const show = await ml('models', 'show', 'digits');
    expect(show.stdout).toMatch(new RegExp(`^\\* ${v2}`, 'm'));
  });

  it('serves a pinned version through ml-predict, directly and over HTTP, without moving latest', async () => {
    expect(await predictedVersion({ version: v1 })).toMatchObject({ modelVersion: v1, correct: 871 });
    const { status, body } = await http<{ modelVersion: string; predictions: { label: number }[] }>(
      'POST',
      '/digits/predict',
      { version: v1, images: [ZERO] },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ modelVersion: v1, predictions: [{ label: 0 }] });
    expect((await predictedVersion()).modelVersion).toBe(v2);
  });

  it('answers 404 naming an unknown pinned version, on every serving function', async () => {
    const predict = await http('POST', '/digits/predict', { version: UNKNOWN, images: [ZERO] });
    expect(predict).toMatchObject({ status: 404, body: { error: { type: 'NotFoundError' } } });
    const unknown = (model: string) =>
      `no version "${UNKNOWN}" of model ${model}: list them with \`pnpm ml models show ${model}\``;
    expect(predict.body.error?.message).toBe(unknown('digits'));
    const direct = await stack.invoke<ErrorOut>('ml-predict', { version: UNKNOWN });
    expect(direct.payload.errorMessage).toBe(unknown('digits'));
    const stores = await http('GET', `/stores/nearest?lat=39.15&long=-77.07&version=${UNKNOWN}`);
    expect(stores.status).toBe(404);
    const rain = await http('GET', `/rain-forecast?city=Seattle&date=2015-03-01&version=${UNKNOWN}`);
    expect(rain).toMatchObject({ status: 404, body: { error: { message: unknown('rain') } } });
  });
});

describe('corrupt artifacts', () => {
  const corrupt = '2030-01-01T00-00-00-000Z-c0ffee';
  const put = (key: string, body: Uint8Array | string) =>
    s3.send(new PutObjectCommand({ Bucket: stack.buckets.models, Key: key, Body: body }));
  const get = async (key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: stack.buckets.models, Key: key }))).Body?.transformToByteArray();

  beforeAll(async () => {
    // v1's metadata (and so its recorded sha256) with a model.onnx damaged in transit.
    const onnx = (await get(`models/digits/versions/${v1}/model.onnx`)) ?? new Uint8Array();
    await put(
      `models/digits/versions/${corrupt}/metadata.json`,
      (await get(`models/digits/versions/${v1}/metadata.json`)) ?? '',
    );
    await put(`models/digits/versions/${corrupt}/model.onnx`, onnx.subarray(0, onnx.length - 100));
    for (const file of ['test-set.npy', 'test-labels.npy']) {
      await put(`models/digits/versions/${corrupt}/${file}`, (await get(`models/digits/versions/${v1}/${file}`)) ?? '');
    }
  });

  it('refuses to promote a version whose model.onnx does not match its checksum', async () => {
    const out = await ml('models', 'promote', `digits@${corrupt}`);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(`ml: refusing digits@${corrupt}: its model.onnx has`);
    expect((await predictedVersion()).modelVersion).toBe(v2);
  });

  it('keeps serving the old model when a pointer names a corrupt artifact', async () => {
    const pointer = JSON.parse(Buffer.from((await get('models/digits/latest.json')) ?? '').toString());
    await put(
      'models/digits/latest.json',
      JSON.stringify({ ...pointer, version: corrupt, prefix: `models/digits/versions/${corrupt}/` }),
    );
    expect((await predictedVersion()).modelVersion).toBe(v2);
  });
});
