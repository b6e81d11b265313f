import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { bootStack } from '../support/embedded-stack';

// rain-forecast and nearest-store end to end: ml-train through the Lambda invoke API, the
// APIs over HTTP through serverless-offline, the real ONNX Runtime, s3rver. Nothing mocked.
jest.setTimeout(180_000);

interface ErrorBody {
  error?: { type: string; message: string };
}
interface StoresBody extends ErrorBody {
  modelVersion: string;
  stores: { id: string; distance_km: number }[];
}
interface RainBody extends ErrorBody {
  probability: number;
  modelVersion: string;
  place: { name: string; country: string };
  observations: { source: string };
  actual?: { date: string; rained: boolean };
  caveat: { level: string; nearestTrainingPlace: { name: string; distanceKm: number }; message: string };
}

let stack: LocalStack;
let cleanup: () => Promise<void>;

async function get<T>(pathAndQuery: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${stack.httpUrl}${pathAndQuery}`, { headers });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    body: (isJson ? JSON.parse(text) : {}) as T,
    text,
    type: res.headers.get('content-type'),
  };
}

beforeAll(async () => {
  ({ stack, cleanup } = await bootStack('e2e-apis'));
});

afterAll(async () => {
  await cleanup?.();
});

describe('before the models are trained', () => {
  it('nearest-store answers 503 saying to train', async () => {
    const { status, body } = await get<StoresBody>('/stores/nearest?lat=39.15&long=-77.07');
    expect(status).toBe(503);
    expect(body.error?.type).toBe('ModelNotReadyError');
  });

  it('rain-forecast answers 503 saying to train', async () => {
    const { status, body } = await get<RainBody>('/rain-forecast?city=Seattle&date=2015-03-01');
    expect(status).toBe(503);
    expect(body.error?.message).toMatch(/ml-train/);
  });
});

describe('after ml-train {"model": "stores"} and {"model": "rain"}', () => {
  let rainMetrics: Record<string, number>;
  let rainBaselines: Record<string, number>;
  let storesVersion: string;

  beforeAll(async () => {
    const stores = await stack.invoke<{ version: string; metrics: Record<string, number> }>('ml-train', {
      model: 'stores',
    });
    expect(stores.functionError).toBeUndefined();
    storesVersion = stores.payload.version;
    const rain = await stack.invoke<{ metrics: Record<string, number>; baselines: Record<string, number> }>(
      'ml-train',
      { model: 'rain' },
    );
    expect(rain.functionError).toBeUndefined();
    rainMetrics = rain.payload.metrics;
    rainBaselines = rain.payload.baselines;
  });

  it('trains the rain model above both baselines', () => {
    expect(rainMetrics.accuracy).toBeGreaterThan(rainBaselines.persistence_accuracy);
    expect(rainMetrics.accuracy).toBeGreaterThan(rainBaselines.always_dry_accuracy);
    expect(rainMetrics.auc).toBeGreaterThan(0.7);
  });

  it('returns the three nearest stores to the reference query, nearest first', async () => {
    const { status, body } = await get<StoresBody>('/stores/nearest?lat=39.153198&long=-77.066176&k=3');
    expect(status).toBe(200);
    expect(body.modelVersion).toBe(storesVersion);
    expect(body.stores.map((s) => s.id)).toEqual(['GAI', 'CGS', 'FME']);
    expect(body.stores[0].distance_km).toBeCloseTo(8.7697, 3);
  });

  it('finds the nearest store across the antimeridian', async () => {
    const { body } = await get<StoresBody>('/stores/nearest?lat=51.88&lng=179.99&k=1');
    expect(body.stores[0].id).toBe('ADK');
  });

  it.each([
    ['a missing long', '/stores/nearest?lat=39.15', /long/],
    ['a non-numeric lat', '/stores/nearest?lat=abc&long=1', /lat/],
    ['lat out of range', '/stores/nearest?lat=91&long=1', /lat must be between -90 and 90/],
    ['k out of range', '/stores/nearest?lat=1&long=1&k=0', /k/],
  ])('nearest-store answers 400 naming the field for %s', async (_name, url, message) => {
    const { status, body } = await get<StoresBody>(url);
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(message);
  });

  it('replays a recorded Seattle day and says what happened next', async () => {
    const { status, body } = await get<RainBody>('/rain-forecast?city=Seattle&date=2015-03-01');
    expect(status).toBe(200);
    expect(body.probability).toBeGreaterThanOrEqual(0);
    expect(body.probability).toBeLessThanOrEqual(1);
    expect(body.place).toMatchObject({ name: 'Seattle', country: 'US' });
    expect(body.observations.source).toBe('recorded');
    expect(body.actual?.date).toBe('2015-03-02');
  });

  it('forecasts anywhere from observations in the query, with a caveat about distance', async () => {
    const url = '/rain-forecast?city=Cape%20Town&precipitation=0&temp_max=22&temp_min=12&wind=5';
    const { status, body } = await get<RainBody>(url);
    expect(status).toBe(200);
    expect(body.observations.source).toBe('query');
    expect(body.caveat.level).toBe('other-climate');
    expect(body.caveat.nearestTrainingPlace.name).toBe('New York');
    expect(body.caveat.nearestTrainingPlace.distanceKm).toBeGreaterThan(12_000);
  });

  it('answers a browser with an HTML page', async () => {
    const { status, type, text } = await get<RainBody>('/rain-forecast?city=Seattle&date=2015-03-01', {
      accept: 'text/html',
    });
    expect(status).toBe(200);
    expect(type).toMatch(/text\/html/);
    expect(text).toMatch(/Seattle/);
  });

  it('logs every forecast to S3 under forecasts/YYYY/MM/DD/', async () => {
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: stack.s3Endpoint,
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: stack.buckets.models, Prefix: 'forecasts/' }));
    const keys = (listed.Contents ?? []).map((o) => o.Key ?? '');
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys[0]).toMatch(/^forecasts\/\d{4}\/\d{2}\/\d{2}\/[\w-]+\.json$/);
    const entry = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.models, Key: keys[0] }));
    const logged = JSON.parse(await (entry.Body as { transformToString: () => Promise<string> }).transformToString());
    expect(logged).toEqual(expect.objectContaining({ probability: expect.any(Number) }));
    s3.destroy();
  });

  it.each([
    [
      'an unknown city',
      '/rain-forecast?city=Xyzzyville&precipitation=1&temp_max=10&temp_min=5&wind=3',
      404,
      /Xyzzyville/,
    ],
    ['lat out of range', '/rain-forecast?lat=95&long=0&precipitation=1&temp_max=10&temp_min=5&wind=3', 400, /lat/],
    [
      'a non-numeric observation',
      '/rain-forecast?city=Seattle&precipitation=1&temp_max=10&temp_min=5&wind=calm',
      400,
      /wind/,
    ],
    ['a date outside the record', '/rain-forecast?city=Seattle&date=2019-01-01', 400, /outside the recorded days/],
    [
      'both a city and a point',
      '/rain-forecast?city=Seattle&lat=47&long=-122&date=2015-03-01',
      400,
      /either city or lat/,
    ],
  ])('rain-forecast answers %s with a clear error', async (_name, url, status, message) => {
    const res = await get<RainBody>(url);
    expect(res.status).toBe(status);
    expect(res.body.error?.message).toMatch(message);
  });
});
