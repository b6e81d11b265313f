import { ModelNotReadyError, NotFoundError, UpstreamError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import { publishFixture } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { ModelCache } from './model-cache';
import { ModelStore } from './model-store';

const session = (b: Uint8Array) => ({ name: new TextDecoder().decode(b) }) as unknown as OrtSession;

describe('ModelCache', () => {
  let bucket: ReturnType<typeof mockBucket>;
  let store: ModelStore;
  let clock = 0;
  const now = () => clock;
  const quiet = () => undefined;
  const corrupt = (version: string, text = 'corrupted in transit') =>
    bucket.objects.set(`models/digits/versions/${version}/model.onnx`, new TextEncoder().encode(text));
  const cacheWith = (log: (m: string) => void = quiet, ttl = 0) => {
    const create = jest.fn(async (b: Uint8Array) => session(b));
    return { cache: new ModelCache(store, 'digits', ttl, log, create, now), create };
  };

  beforeEach(() => {
    clock = 0;
    bucket = mockBucket();
    store = new ModelStore(bucket.objectStore);
  });
  afterEach(() => bucket.mock.restore());

  it('throws ModelNotReadyError before any model is published', async () => {
    await expect(cacheWith().cache.get()).rejects.toThrow(ModelNotReadyError);
  });

  it('re-reads the pointer only after the TTL, and reloads only when the version changed', async () => {
    await publishFixture(store, 'digits', 'one', 1);
    const latest = jest.spyOn(store, 'latest');
    const { cache, create } = cacheWith(quiet, 1000);
    await cache.get();
    clock = 500;
    await cache.get();
    expect(latest).toHaveBeenCalledTimes(1);
    clock = 1500;
    await cache.get();
    expect(latest).toHaveBeenCalledTimes(2);
    expect(create).toHaveBeenCalledTimes(1);

    const v2 = await publishFixture(store, 'digits', 'two', 2);
    clock = 3000;
    expect((await cache.get()).pointer.version).toBe(v2);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('keeps serving when S3 cannot be reached for the pointer', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    const { cache } = cacheWith();
    await cache.get();
    jest.spyOn(store, 'latest').mockRejectedValue(new Error('S3 down'));
    expect((await cache.get()).pointer.version).toBe(v1);
  });

  it('serves a pinned version next to the latest one, without moving the latest', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    const v2 = await publishFixture(store, 'digits', 'two', 2);
    const { cache } = cacheWith();
    expect((await cache.get()).session).toEqual({ name: 'two' });
    expect((await cache.get(v1)).session).toEqual({ name: 'one' });
    expect(await cache.get(v2)).toBe(await cache.get());
    await expect(cache.get('2020-01-01T00-00-00-000Z-abcdef')).rejects.toThrow(NotFoundError);
    expect((await cache.get()).pointer.version).toBe(v2);
  });

  it('keeps serving the old model when the new one is corrupt, and logs it once', async () => {
    const good = await publishFixture(store, 'digits', 'good', 1);
    const log = jest.fn();
    const { cache } = cacheWith(log);
    await cache.get();
    const bad = await publishFixture(store, 'digits', 'new', 2);
    corrupt(bad);
    for (let i = 0; i < 3; i++) expect((await cache.get()).pointer.version).toBe(good);
    const errors = log.mock.calls.filter(([m]) => m.startsWith('error:'));
    expect(errors).toEqual([[expect.stringMatching(/refusing digits@.*has \d+ bytes.*still serving digits@/)]]);
  });

  it('in a fresh container, falls back to the newest earlier promotion that verifies, the same for every request', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    const v2 = await publishFixture(store, 'digits', 'two', 2);
    const v3 = await publishFixture(store, 'digits', 'three', 3);
    corrupt(v3, 'three'.toUpperCase());
    corrupt(v2);
    const log = jest.fn();
    const { cache, create } = cacheWith(log);
    const served = await Promise.all(Array.from({ length: 30 }, () => cache.get()));
    expect(new Set(served.map((m) => m.pointer.version))).toEqual(new Set([v1]));
    expect(served[0].fallbackFrom).toBe(v3);
    await cache.get();
    expect(create).toHaveBeenCalledTimes(1);
    const errors = log.mock.calls.filter(([m]) => m.startsWith('error:'));
    expect(errors).toEqual([
      [
        expect.stringMatching(
          new RegExp(`refusing digits@${v3}: its model.onnx has sha256 .*serving digits@${v1} instead`),
        ),
      ],
    ]);
  });

  it('answers 503 naming the integrity failure when no promotion verifies, and logs it once', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    corrupt(v1);
    const log = jest.fn();
    const { cache } = cacheWith(log);
    for (let i = 0; i < 3; i++) {
      await expect(cache.get()).rejects.toThrow(UpstreamError);
      await expect(cache.get()).rejects.toThrow(/the promoted digits model cannot be served: refusing digits@/);
    }
    expect(log.mock.calls.filter(([m]) => m.startsWith('error:'))).toHaveLength(1);
  });

  it('refuses a version whose publish did not finish (no metadata.json)', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    bucket.objects.delete(`models/digits/versions/${v1}/metadata.json`);
    await expect(cacheWith().cache.get()).rejects.toThrow(/metadata.json is missing/);
  });
});
