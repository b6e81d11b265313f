import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { decodeNpy, sha256Hex } from '@serverless-ml/datasets';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { imagesResultSchema } from '../../functions/ml-predict/src/schema';
import { bootStack } from '../support/embedded-stack';

// End to end through the real parts: s3rver, serverless-offline (Lambda invoke API and
// API Gateway), the esbuild-bundled handlers and ONNX Runtime. Nothing is mocked.
jest.setTimeout(180_000);

/** ml-train's answer, the same shape for every model. */
interface TrainOut {
  version: string;
  model: string;
  algorithm: string;
  metrics: Record<string, number>;
  rows: { train: number; test: number; invalid: number };
  keys: string[];
}
interface PredictOut {
  modelVersion: string;
  correct: number;
  total: number;
  predictions: number[];
}
interface ErrorOut {
  errorMessage?: string;
  errorType?: string;
  error?: { type: string; message: string };
}

const ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];

let stack: LocalStack;
let cleanup: () => Promise<void>;
let s3: S3Client;

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${stack.httpUrl}/digits/predict`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as ErrorOut & { predictions?: { label: number; scores: number[] }[] },
  };
}

async function getObject(key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.models, Key: key }));
  return (out.Body as { transformToByteArray: () => Promise<Uint8Array> }).transformToByteArray();
}

beforeAll(async () => {
  process.env.MAX_IMAGES = '5';
  process.env.MODEL_POINTER_TTL_MS = '0';
  ({ stack, cleanup } = await bootStack('e2e'));
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
  });
});

afterAll(async () => {
  s3?.destroy();
  await cleanup?.();
});

describe('before any model is trained', () => {
  it('answers 503 over HTTP, saying to run ml-train', async () => {
    const { status, json } = await post(JSON.stringify({ images: [ZERO] }));
    expect(status).toBe(503);
    expect(json.error).toMatchObject({ type: 'ModelNotReadyError' });
    expect(json.error?.message).toMatch(/run ml-train/);
  });

  it('fails a direct ml-predict invocation with the same message, typed by its class as on AWS', async () => {
    const out = await stack.invoke<ErrorOut>('ml-predict', {});
    expect(out.functionError).toBeDefined();
    expect(out.payload.errorMessage).toMatch(/no digits model has been trained yet/);
    // Step Functions' Retry and Catch match this name (serverless-offline always said "Error").
    expect(out.payload.errorType).toBe('ModelNotReadyError');
  });
});

describe('ml-train → ml-predict on the digits', () => {
  let trained: TrainOut;

  beforeAll(async () => {
    const out = await stack.invoke<TrainOut>('ml-train', {});
    expect(out.functionError).toBeUndefined();
    trained = out.payload;
  });

  it('trains the tutorial model: 871 of 899 test digits right', () => {
    expect(trained.metrics.correct).toBe(871);
    expect(trained.rows.test).toBe(899);
    expect(trained.metrics.accuracy).toBeCloseTo(0.96885, 5);
    expect(trained).toMatchObject({ model: 'digits', algorithm: 'svc', rows: { train: 898, invalid: 0 } });
  });

  it('exports an ONNX model that agrees with libsvm on every test row', () => {
    expect(trained.metrics.onnxAgreementWithTrainer).toBe(1);
  });

  it('stores the model, test set and metadata under the version, and a pointer to them', async () => {
    const prefix = `models/digits/versions/${trained.version}/`;
    expect(trained.keys.sort()).toEqual(
      ['metadata.json', 'model.onnx', 'plots/confusion-matrix.svg', 'test-labels.npy', 'test-set.npy'].map(
        (f) => prefix + f,
      ),
    );
    const pointer = JSON.parse(Buffer.from(await getObject('models/digits/latest.json')).toString());
    expect(pointer).toMatchObject({ version: trained.version, prefix });
    expect(pointer.modelSha256).toBe(sha256Hex(await getObject(`${prefix}model.onnx`)));
    const testSet = decodeNpy(await getObject(`${prefix}test-set.npy`));
    expect(testSet).toMatchObject({ dtype: '<f8', shape: [899, 64] });
    const metadata = JSON.parse(Buffer.from(await getObject(`${prefix}metadata.json`)).toString());
    expect(metadata.hyperParameters).toEqual({ gamma: 0.001, C: 1, tol: 0.001 });
    expect(metadata.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(metadata).toMatchObject({ task: 'classification', algorithm: 'svc', output: { tensor: 'label' } });
    expect(metadata.artifacts.map((a: { name: string }) => a.name).sort()).toEqual([
      'model.onnx',
      'plots/confusion-matrix.svg',
      'test-labels.npy',
      'test-set.npy',
    ]);
    expect(metadata.plots).toEqual([
      { id: 'confusion-matrix', title: 'Confusion matrix on the test images', file: 'plots/confusion-matrix.svg' },
    ]);
    const svg = Buffer.from(await getObject(`${prefix}plots/confusion-matrix.svg`)).toString();
    expect(svg).toContain('871 of 899 test images correct (96.9%)');
    expect(metadata.classificationReport.confusionMatrix).toHaveLength(10);
    expect(metadata.classificationReport.perClass[0]).toEqual(
      expect.objectContaining({ precision: expect.any(Number), f1: expect.any(Number) }),
    );
  });

  it('predicts the stored test set like the tutorial through the Lambda invoke API', async () => {
    const out = await stack.invoke<PredictOut>('ml-predict', {});
    expect(out.functionError).toBeUndefined();
    expect(out.payload).toMatchObject({ modelVersion: trained.version, correct: 871, total: 899 });
    expect(out.payload.predictions.slice(0, 8)).toEqual([8, 8, 4, 9, 0, 8, 9, 8]);
  });

  it('classifies a drawn zero over HTTP with a label and class scores', async () => {
    const { status, json } = await post(JSON.stringify({ images: [ZERO] }));
    expect(status).toBe(200);
    expect(json.predictions?.[0].label).toBe(0);
    expect(json.predictions?.[0].scores).toHaveLength(10);
    // The API description's schema, closed: a field it does not list fails here.
    expect(imagesResultSchema.parse(json)).toEqual(json);
  });

  it.each([
    ['a short image', JSON.stringify({ images: [[1, 2, 3]] }), /images\[0\] must have 64 values/],
    [
      'a pixel out of range',
      JSON.stringify({ images: [[...ZERO.slice(1), 99]] }),
      /images\[0\]\[63\] must be between 0 and 16/,
    ],
    [
      'a NaN pixel (null in JSON)',
      JSON.stringify({ images: [[Number.NaN, ...ZERO.slice(1)]] }),
      /images\[0\]\[0\] must be a number/,
    ],
    ['a body that is not JSON', '{"images": [[1,2', /not valid JSON|malformed JSON/],
    ['too many images', JSON.stringify({ images: Array(6).fill(ZERO) }), /at most 5 images/],
    ['an empty body', '', /needs a JSON body|malformed JSON/],
  ])('answers 400 naming the problem for %s', async (_name, body, message) => {
    const { status, json } = await post(body);
    expect(status).toBe(400);
    expect(json.error?.message).toMatch(message);
  });

  it('rejects a bad direct invocation with a ValidationError message', async () => {
    const out = await stack.invoke<ErrorOut>('ml-predict', { images: [[1, 2]] });
    expect(out.functionError).toBeDefined();
    expect(out.payload.errorMessage).toMatch(/images\[0\] must have 64 values/);
    expect(out.payload.errorType).toBe('ValidationError');
  });

  it('rejects an invalid ml-train event naming the field, and keeps the current model', async () => {
    const out = await stack.invoke<ErrorOut>('ml-train', { hyperParameters: { gamma: -1 } });
    expect(out.payload.errorMessage).toMatch(/hyperParameters\.gamma/);
    const pointer = JSON.parse(Buffer.from(await getObject('models/digits/latest.json')).toString());
    expect(pointer.version).toBe(trained.version);
  });

  it('leaves latest alone when training fails part-way (missing dataset)', async () => {
    const out = await stack.invoke<ErrorOut>('ml-train', { datasetKey: 'nope.csv.gz' });
    expect(out.payload.errorMessage).toMatch(/nope\.csv\.gz not found/);
    const pointer = JSON.parse(Buffer.from(await getObject('models/digits/latest.json')).toString());
    expect(pointer.version).toBe(trained.version);
  });

  it('serves a newly trained model from the warm container', async () => {
    const retrained = await stack.invoke<TrainOut>('ml-train', { hyperParameters: { gamma: 0.0005 } });
    expect(retrained.functionError).toBeUndefined();
    expect(retrained.payload.version).not.toBe(trained.version);
    const out = await stack.invoke<PredictOut>('ml-predict', {});
    expect(out.payload.modelVersion).toBe(retrained.payload.version);
  });
});
