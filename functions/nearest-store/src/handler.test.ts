import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { completedMetadata } from '@serverless-ml/model-store/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { buildStoresModel } from '../../ml-train/src/stores/stores-onnx';
import { nearestStoresResultSchema } from './schema';

const s3 = mockClient(S3Client);
// Two rows of data/stores.csv; expected distances from an independent haversine in Python.
const stores = [
  {
    id: 'GAI',
    name: 'Montgomery Co Airpark',
    address: 'Gaithersburg, MD, USA',
    latitude: 39.16833611,
    longitude: -77.166,
  },
  {
    id: 'DCA',
    name: 'Ronald Reagan Washington National',
    address: 'Arlington, VA, USA',
    latitude: 38.85208333,
    longitude: -77.03772222,
  },
];
const model = buildStoresModel(stores);
const pointer = {
  model: 'stores',
  version: 'v1',
  prefix: 'models/stores/versions/v1/',
  modelSha256: createHash('sha256').update(model).digest('hex'),
  publishedAt: '2026-01-01T00:00:00Z',
};
const body = (bytes: Uint8Array | string) => ({
  Body: { transformToByteArray: async () => (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) },
});
const get = (query: Record<string, string> | null) => ({
  requestContext: { http: { method: 'GET' } },
  headers: {},
  queryStringParameters: query,
});

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
let handler: Handler;

beforeAll(() => {
  Object.assign(process.env, {
    DATA_BUCKET: 'data-bucket',
    MODEL_BUCKET: 'model-bucket',
    MAX_K: '10',
    MODEL_POINTER_TTL_MS: '0',
  });
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  handler = require('./handler').handler;
});

beforeEach(() => s3.reset());

/** Mocks the S3 objects of a published stores version: pointer, model, catalog and its metadata. */
function publishModel(at = pointer, catalog: unknown[] = stores) {
  const files = { 'model.onnx': model, 'stores.json': JSON.stringify(catalog) };
  s3.on(GetObjectCommand, { Key: 'models/stores/latest.json' }).resolves(body(JSON.stringify(at)) as never);
  for (const [name, bytes] of Object.entries(files)) {
    s3.on(GetObjectCommand, { Key: `${at.prefix}${name}` }).resolves(body(bytes) as never);
  }
  const metadata = completedMetadata('stores', at.version, files, { task: 'nearest-neighbours' });
  s3.on(GetObjectCommand, { Key: `${at.prefix}metadata.json` }).resolves(body(metadata) as never);
}

describe('nearest-store handler', () => {
  it('answers GET /stores/nearest with the nearest stores, sorted by distance', async () => {
    publishModel();
    const res = await handler(get({ lat: '39.153198', long: '-77.066176', k: '2' }), {});
    expect(res.statusCode).toBe(200);
    // The API description's schema, closed: a field it does not list fails here.
    expect(nearestStoresResultSchema.parse(JSON.parse(res.body))).toEqual(JSON.parse(res.body));
    expect(JSON.parse(res.body)).toEqual({
      query: { latitude: 39.153198, longitude: -77.066176 },
      k: 2,
      modelVersion: 'v1',
      stores: [
        { ...stores[0], distance_km: 8.7697 },
        { ...stores[1], distance_km: 33.572625 },
      ],
    });
  });

  it("answers a catalog's extra columns (the reference list's state) with each store", async () => {
    const withState = stores.map((store, i) => ({ ...store, extra: { state: ['Maryland', 'Virginia'][i] } }));
    // Its own version: the handler caches each version's catalog for the life of the container.
    const v2 = { ...pointer, version: 'v2', prefix: 'models/stores/versions/v2/' };
    publishModel(v2, withState);
    const res = await handler(get({ lat: '38.85', long: '-77.04', k: '1' }), {});
    expect(JSON.parse(res.body).stores).toEqual([{ ...withState[1], distance_km: expect.any(Number) }]);
  });

  it('returns 400 naming the field when lat is out of range', async () => {
    publishModel();
    const res = await handler(get({ lat: '91', long: '1' }), {});
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({
      type: 'ValidationError',
      message: 'lat must be between -90 and 90, got 91',
    });
  });

  it('reads query values by the shared rule: ASCII whitespace trimmed, control characters refused', async () => {
    publishModel();
    const trimmed = await handler(get({ lat: ' 39.153198 ', long: '-77.066176\t', k: ' 1' }), {});
    expect(JSON.parse(trimmed.body)).toMatchObject({ k: 1, stores: [{ id: 'GAI' }] });
    const nul = await handler(get({ lat: '39.1', long: '-77.1', version: 'v1\u0000' }), {});
    expect(nul.statusCode).toBe(400);
    expect(JSON.parse(nul.body).error.message).toBe('version must not contain control characters (found U+0000)');
  });

  it('returns 400 saying lat must be a finite number when it overflows', async () => {
    const res = await handler(get({ lat: '1e999', long: '1' }), {});
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toBe('lat must be a finite number, got "1e999"');
  });

  it('logs a bad query as one client-error line, not as an unhandled error', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await handler(get({ lat: 'north', long: '1' }), {});
      expect(error).not.toHaveBeenCalled();
      expect(warn.mock.calls.map(([line]) => JSON.parse(String(line)))).toEqual([
        {
          level: 'warn',
          msg: 'client error',
          status: 400,
          type: 'ValidationError',
          message: 'lat must be a number, got "north"',
        },
      ]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('returns 400 when long is missing, instead of treating it as 0', async () => {
    const res = await handler(get({ lat: '39.1' }), {});
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/^long is required/);
  });

  it('returns 400 when k exceeds MAX_K', async () => {
    const res = await handler(get({ lat: '1', long: '1', k: '11' }), {});
    expect(JSON.parse(res.body).error.message).toBe('k must be between 1 and 10, got 11');
  });

  it('returns 503 before any stores model is trained', async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('missing'), { name: 'NoSuchKey' }));
    const res = await handler(get({ lat: '1', long: '1' }), {});
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body).error).toMatchObject({ type: 'ModelNotReadyError' });
  });

  it('answers a direct invocation with the result object', async () => {
    publishModel();
    await expect(handler({ lat: 38.85, lon: -77.04, k: 1 }, {})).resolves.toMatchObject({ stores: [{ id: 'DCA' }] });
  });

  it('answers 404 naming a pinned version that does not exist, and serves one that does', async () => {
    s3.on(GetObjectCommand).rejects(Object.assign(new Error('missing'), { name: 'NoSuchKey' }));
    s3.on(ListObjectsV2Command).resolves({ Contents: [] });
    publishModel();
    const missing = await handler(get({ lat: '1', long: '1', version: 'v9' }), {});
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body).error).toMatchObject({
      type: 'NotFoundError',
      message: 'no version "v9" of model stores: list them with `pnpm ml models show stores`',
    });
    const pinned = await handler(get({ lat: '39.153198', long: '-77.066176', k: '1', version: 'v1' }), {});
    expect(JSON.parse(pinned.body)).toMatchObject({ modelVersion: 'v1', stores: [{ id: 'GAI' }] });
  });
});
