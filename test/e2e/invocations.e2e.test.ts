import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  InvokeEndpointCommand,
  type InvokeEndpointCommandInput,
  SageMakerRuntimeClient,
} from '@aws-sdk/client-sagemaker-runtime';
import { readDigitsCsv } from '@serverless-ml/datasets';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { housingModel, irisModel, storeVersion } from '../../functions/invocations/src/test-models.fixture';
import { bootStack } from '../support/embedded-stack';

// The SageMaker-compatible invocations endpoint end to end: models trained by ml-train through the
// Lambda invoke API, called through serverless-offline by the official SageMaker Runtime client
// (InvokeEndpoint, SigV4-signed) and by plain fetch; the real ONNX Runtime, s3rver. Nothing mocked.
jest.setTimeout(240_000);

interface ErrorBody {
  error: { type: string; message: string; details?: Record<string, unknown> };
}
interface ClassPrediction {
  label: number;
  scores: number[];
}
interface Answer<P> {
  predictions: P[];
  model: string;
  version: string;
}

let stack: LocalStack;
let cleanup: () => Promise<void>;
let sagemaker: SageMakerRuntimeClient;
let s3: S3Client;

// The digits' test half (the tutorial's split), as ml-train sees it.
const digits = readDigitsCsv(readFileSync(path.join(__dirname, '../../data/digits.csv.gz')));
const TEST_ROWS = Array.from({ length: 20 }, (_, i) =>
  Array.from(digits.features.subarray((898 + i) * 64, (899 + i) * 64)),
);
const PIXELS = Array.from({ length: 64 }, (_, i) => `pixel_${i}`);
const csv = (rows: (number | string)[][]) => `${rows.map((row) => row.join(',')).join('\n')}\n`;

/** InvokeEndpoint through the SDK: the answer, or what the SDK raised. */
async function invokeEndpoint(input: Omit<InvokeEndpointCommandInput, 'Body'> & { Body: string }) {
  try {
    const out = await sagemaker.send(
      new InvokeEndpointCommand({ ...input, Body: new TextEncoder().encode(input.Body) }),
    );
    return {
      status: 200,
      contentType: out.ContentType,
      variant: out.InvokedProductionVariant,
      text: Buffer.from(out.Body ?? new Uint8Array()).toString('utf8'),
    };
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number }; error?: ErrorBody['error'] };
    return { status: e.$metadata?.httpStatusCode, name: e.name, message: e.message, error: e.error };
  }
}

/** POST /endpoints/{name}/invocations with fetch. */
async function invoke(name: string, body: string, headers: Record<string, string> = {}, query = '') {
  const res = await fetch(`${stack.httpUrl}/endpoints/${name}/invocations${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...headers },
    body,
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  return { status: res.status, headers: res.headers, text, json };
}

beforeAll(async () => {
  process.env.MODEL_POINTER_TTL_MS = '0';
  ({ stack, cleanup } = await bootStack('e2e-invocations'));
  sagemaker = new SageMakerRuntimeClient({
    region: 'us-east-1',
    endpoint: stack.httpUrl,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  sagemaker?.destroy();
  s3?.destroy();
  await cleanup?.();
});

describe('before any model is trained', () => {
  it('answers GET /ping with 200', async () => {
    const res = await fetch(`${stack.httpUrl}/ping`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers InvokeEndpoint with 404 NotFoundError, saying to train', async () => {
    const out = await invokeEndpoint({ EndpointName: 'digits', ContentType: 'text/csv', Body: csv([TEST_ROWS[0]]) });
    expect(out).toMatchObject({
      status: 404,
      name: 'NotFoundError',
      message: 'no model named "digits" (no model has been trained yet: run ml-train first)',
    });
  });
});

describe('digits, trained by ml-train', () => {
  let version: string;
  let reference: ClassPrediction[];

  beforeAll(async () => {
    const trained = await stack.invoke<{ version: string }>('ml-train', {});
    expect(trained.functionError).toBeUndefined();
    version = trained.payload.version;
    // What ml-predict answers for the same images: the invocations endpoint must agree with it.
    const res = await fetch(`${stack.httpUrl}/digits/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ images: TEST_ROWS.slice(0, 5) }),
    });
    reference = ((await res.json()) as { predictions: ClassPrediction[] }).predictions;
  });

  it('answers the SDK: CSV in, JSON out, as ml-predict classifies the same images', async () => {
    const out = await invokeEndpoint({
      EndpointName: 'digits',
      ContentType: 'text/csv',
      Accept: 'application/json',
      Body: csv(TEST_ROWS.slice(0, 5)),
    });
    expect(out).toMatchObject({ status: 200, contentType: 'application/json; charset=utf-8', variant: version });
    expect(JSON.parse(String(out.text))).toEqual({ predictions: reference, model: 'digits', version });
    expect(reference.map((p) => p.label)).toEqual(Array.from(digits.labels.subarray(898, 903)));
  });

  it('answers the SDK in CSV, one label per line, the tutorial test set’s first eight', async () => {
    const out = await invokeEndpoint({
      EndpointName: 'digits',
      ContentType: 'text/csv',
      Accept: 'text/csv',
      Body: csv(TEST_ROWS.slice(0, 8)),
    });
    expect(out).toMatchObject({
      status: 200,
      contentType: 'text/csv; charset=utf-8',
      text: '8\n8\n4\n9\n0\n8\n9\n8\n',
    });
  });

  it('serves a version pinned with the custom attributes the SDK sends', async () => {
    const out = await invokeEndpoint({
      EndpointName: 'digits',
      ContentType: 'text/csv',
      CustomAttributes: `version=${version}`,
      Body: csv([TEST_ROWS[0]]),
    });
    expect(out).toMatchObject({ status: 200, variant: version });
  });

  it('answers the SDK with a named exception: ValidationError naming the row and column', async () => {
    const rows = [TEST_ROWS[0], [...TEST_ROWS[1].slice(0, 3), 'dark', ...TEST_ROWS[1].slice(4)]];
    const out = await invokeEndpoint({ EndpointName: 'digits', ContentType: 'text/csv', Body: csv(rows) });
    expect(out).toMatchObject({
      status: 400,
      name: 'ValidationError',
      message: 'row 2, column pixel_3 must be a number, got "dark"',
    });
    expect(out.error).toEqual({
      type: 'ValidationError',
      message: 'row 2, column pixel_3 must be a number, got "dark"',
      details: { row: 2, column: 'pixel_3' },
    });
  });

  it('reads CSV with a header row and JSON instances as arrays or as objects, all alike', async () => {
    const rows = TEST_ROWS.slice(0, 3);
    const withHeader = await invoke('digits', csv([PIXELS, ...rows]));
    const arrays = await invoke('digits', JSON.stringify({ instances: rows }), { 'content-type': 'application/json' });
    const objects = await invoke(
      'digits',
      JSON.stringify({ instances: rows.map((row) => Object.fromEntries(PIXELS.map((p, i) => [p, row[i]]))) }),
      { 'content-type': 'application/json; charset=utf-8' },
    );
    for (const answer of [withHeader, arrays, objects]) {
      expect(answer.status).toBe(200);
      expect((answer.json as Answer<ClassPrediction>).predictions).toEqual(reference.slice(0, 3));
    }
  });

  it('answers a whole test set of 899 rows in one invocation', async () => {
    const all = Array.from({ length: 899 }, (_, i) =>
      Array.from(digits.features.subarray((898 + i) * 64, (899 + i) * 64)),
    );
    const { status, text } = await invoke('digits', csv(all), { accept: 'text/csv' });
    expect(status).toBe(200);
    const labels = text.trim().split('\n').map(Number);
    const correct = labels.filter((label, i) => label === digits.labels[898 + i]).length;
    expect(correct).toBe(871);
  });

  it.each([
    ['a row of 63 columns', csv([TEST_ROWS[0].slice(1)]), {}, '', 400, /^row 1 has 63 columns, expected 64: pixel_0, /],
    ['an empty pixel', csv([[...TEST_ROWS[0].slice(0, 63), '']]), {}, '', 400, /^row 1, column pixel_63 is empty /],
    [
      'JSON without instances',
      '{"images": []}',
      { 'content-type': 'application/json' },
      '',
      400,
      /^unknown field "images"/,
    ],
    [
      'a form body (curl -d)',
      'a=1',
      { 'content-type': 'application/x-www-form-urlencoded' },
      '',
      415,
      /send text\/csv or application\/json$/,
    ],
    ['Accept: text/html', csv([TEST_ROWS[0]]), { accept: 'text/html' }, '', 406, /or text\/csv$/],
    ['k for a classifier', csv([TEST_ROWS[0]]), {}, '?k=3', 400, /^k applies to nearest-neighbours models only/],
    ['an unknown parameter', csv([TEST_ROWS[0]]), {}, '?model=rain', 400, /^unknown parameter "model"/],
    [
      'an unknown version',
      csv([TEST_ROWS[0]]),
      {},
      '?version=2020-01-01T00-00-00-000Z-000000',
      404,
      /2020-01-01T00-00-00-000Z-000000/,
    ],
    ['TargetModel', csv([TEST_ROWS[0]]), { 'x-amzn-sagemaker-target-model': 'm.tar.gz' }, '', 400, /^TargetModel/],
  ])('answers %s with a clear status and error', async (_name, body, headers, query, status, message) => {
    const res = await invoke('digits', body, headers, query);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-amzn-errortype')).toBe(res.json.error.type);
    expect(res.json.error.message).toMatch(message);
  });

  it('answers 404 for an unknown model, naming the ones there are', async () => {
    const res = await invoke('weather', csv([[1]]));
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/^no model named "weather" \(models: .*digits/);
  });

  it('answers 413 for more than 10,000 rows', async () => {
    const res = await invoke('digits', csv(Array(10_001).fill(TEST_ROWS[0])));
    expect(res.status).toBe(413);
    expect(res.json.error).toEqual({
      type: 'PayloadTooLargeError',
      message: 'an invocation takes at most 10000 rows, got 10001: split it',
      details: { maxRows: 10_000, rows: 10_001 },
    });
  });

  it('answers 413 for a body over 5 MiB, through the SDK too', async () => {
    const body = csv(Array(36_000).fill(TEST_ROWS[0]));
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
    const out = await invokeEndpoint({ EndpointName: 'digits', ContentType: 'text/csv', Body: body });
    expect(out).toMatchObject({ status: 413, name: 'PayloadTooLargeError' });
    expect(out.message).toMatch(/an invocation takes at most 5242880 \(5 MiB\)/);
  });
});

describe('rain and stores, trained by ml-train', () => {
  let rainFeatures: string[];

  beforeAll(async () => {
    for (const model of ['stores', 'rain']) {
      const out = await stack.invoke('ml-train', { model });
      expect(out.functionError).toBeUndefined();
    }
    // The rain model's columns, from its metadata.json as the endpoint reads them.
    const read = async (key: string) => {
      const out = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.models, Key: key }));
      return JSON.parse(await (out.Body as { transformToString: () => Promise<string> }).transformToString());
    };
    const { prefix } = await read('models/rain/latest.json');
    const metadata = (await read(`${prefix}metadata.json`)) as { input: { features: { name: string }[] } };
    rainFeatures = metadata.input.features.map((f) => f.name);
  });

  it('answers the three nearest stores with their distances, k from the custom attributes', async () => {
    const out = await invokeEndpoint({
      EndpointName: 'stores',
      ContentType: 'text/csv',
      CustomAttributes: 'k=3',
      Body: 'latitude,longitude\n39.153198,-77.066176\n',
    });
    expect(out.status).toBe(200);
    const [nearest] = (JSON.parse(String(out.text)) as Answer<{ id: string; distance_km: number }[]>).predictions;
    expect(nearest.map((s) => s.id)).toEqual(['GAI', 'CGS', 'FME']);
    expect(nearest[0].distance_km).toBeCloseTo(8.7697, 3);
  });

  it('answers the same stores as GET /stores/nearest, in CSV as id,distance_km pairs', async () => {
    const viaRoute = (await (await fetch(`${stack.httpUrl}/stores/nearest?lat=51.88&lng=179.99&k=2`)).json()) as {
      stores: { id: string; distance_km: number }[];
    };
    const { text } = await invoke('stores', '51.88,179.99\n', { accept: 'text/csv' }, '?k=2');
    expect(text).toBe(`${viaRoute.stores.map((s) => `${s.id},${s.distance_km}`).join(',')}\n`);
  });

  it('refuses a latitude out of range, naming the row and column', async () => {
    const res = await invoke('stores', '39,-77\n91,0\n');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('row 2, column latitude must be between -90 and 90, got 91');
  });

  it('answers rain with a probability per row, the same in JSON and CSV', async () => {
    const rows = [rainFeatures.map(() => 0), rainFeatures.map((_, i) => (i < 5 ? 10 : 0.5))];
    const asJson = await invoke(
      'rain',
      JSON.stringify({ instances: rows.map((row) => Object.fromEntries(rainFeatures.map((f, i) => [f, row[i]]))) }),
      { 'content-type': 'application/json' },
    );
    const asCsv = await invoke('rain', csv([rainFeatures, ...rows]), { accept: 'text/csv' });
    const probabilities = (asJson.json as Answer<number>).predictions;
    expect(probabilities).toHaveLength(2);
    for (const p of probabilities) expect(p).toBeGreaterThanOrEqual(0);
    for (const p of probabilities) expect(p).toBeLessThanOrEqual(1);
    expect(asCsv.text).toBe(`${probabilities.join('\n')}\n`);
  });
});

describe('housing, trained by ml-train (linear: quick), as in the CSV', () => {
  // The first rows of data/housing.csv with the target (9th column) taken out.
  const lines = readFileSync(path.join(__dirname, '../../data/housing.csv'), 'utf8').split('\n');
  const header = lines[0].split(',').filter((c) => c !== 'median_house_value');
  const rows = lines.slice(1, 4).map((line) => {
    const cells = line.split(',');
    return [...cells.slice(0, 8), cells[9]];
  });
  let version: string;
  let r2: number;

  beforeAll(async () => {
    const trained = await stack.invoke<{ version: string; metrics: { r2: number } }>('ml-train', {
      model: 'housing',
      algorithm: 'linear',
    });
    expect(trained.functionError).toBeUndefined();
    ({ version } = trained.payload);
    r2 = trained.payload.metrics.r2;
  });

  it('answers the SDK: raw CSV rows (header or not, an empty total_bedrooms allowed) → house values in USD', async () => {
    const out = await invokeEndpoint({
      EndpointName: 'housing',
      ContentType: 'text/csv',
      Accept: 'application/json',
      Body: csv([header, ...rows]),
    });
    expect(out).toMatchObject({ status: 200, variant: version });
    const answer = JSON.parse(String(out.text)) as Answer<number>;
    expect(answer).toMatchObject({ model: 'housing', version });
    expect(answer.predictions).toHaveLength(3);
    // Within the model's own error of the recorded values (452600, 358500, 352100 USD).
    for (const [i, value] of [452600, 358500, 352100].entries()) {
      expect(Math.abs(answer.predictions[i] - value)).toBeLessThan(150_000);
    }
    expect(r2).toBeGreaterThan(0.64);
    const withoutHeader = await invoke('housing', csv(rows), { accept: 'application/json' });
    expect(withoutHeader.json.predictions).toEqual(answer.predictions);
    const emptyBedrooms = [...rows[0]];
    emptyBedrooms[4] = '';
    expect((await invoke('housing', csv([emptyBedrooms]))).status).toBe(200);
  });

  it('takes JSON instances keyed by feature name, and refuses a row with a column missing', async () => {
    const instance = Object.fromEntries(header.map((name, i) => [name, i < 8 ? Number(rows[0][i]) : rows[0][i]]));
    const res = await invoke('housing', JSON.stringify({ instances: [instance] }), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(200);
    const short = await invoke('housing', `${rows[0].slice(1).join(',')}\n`);
    expect(short.status).toBe(400);
    expect(short.json.error.message).toMatch(/row 1/);
  });
});

describe('models put in the registry by hand', () => {
  const handMade = housingModel(undefined, 'hand-made');
  const unpromoted = irisModel();

  beforeAll(async () => {
    const objects = new Map<string, Uint8Array>();
    storeVersion(objects, handMade);
    storeVersion(objects, unpromoted, false);
    for (const [Key, Body] of objects) {
      await s3.send(new PutObjectCommand({ Bucket: stack.buckets.models, Key, Body }));
    }
  });

  it('serves a regression with a nullable number and a category, from its metadata alone', async () => {
    const body = 'longitude,total_bedrooms,median_income,ocean_proximity\n-122,,8,INLAND\n1.5,2,"0.25","NEAR BAY"\n';
    const res = await invoke('hand-made', body, { accept: 'text/csv' });
    expect(res).toMatchObject({ status: 200, text: `${-122 + 800 + 2000}\n${1.5 + 20 + 25 + 3000}\n` });
  });

  it('refuses an unknown category, listing the allowed ones', async () => {
    const res = await invoke('hand-made', '-122,1,8,NEAR LAKE\n');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe(
      'row 1, column ocean_proximity has "NEAR LAKE", which is not a known category: one of "<1H OCEAN", "INLAND", "NEAR BAY"',
    );
  });

  it('answers 503 for a model with no promoted version, and serves the version when pinned', async () => {
    const res = await invoke('iris', '1,2\n');
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({
      type: 'ModelNotReadyError',
      message: expect.stringMatching(/none is promoted/),
    });
    const pinned = await invoke('iris', '1,2\n', { accept: 'text/csv' }, `?version=${unpromoted.version}`);
    expect(pinned).toMatchObject({ status: 200, text: '"vir""ginica"\n' });
  });
});
