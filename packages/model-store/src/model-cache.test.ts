import { createHash } from 'node:crypto';
import { ModelNotReadyError, NotFoundError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import { mockBucket } from './mock-bucket.fixture';
import { ModelCache } from './model-cache';
import { type ModelPointer, ModelStore } from './model-store';

const bytes = (v: string) => new TextEncoder().encode(v);
const sha = (v: string) => createHash('sha256').update(v).digest('hex');
const pointer = (version: string, body = version): ModelPointer => ({
  model: 'digits',
  version,
  prefix: `models/digits/versions/${version}/`,
  modelSha256: sha(body),
  publishedAt: '2026-01-01T00:00:00Z',
});

function fakeStore(state: { pointer?: ModelPointer; body?: string; failPointer?: boolean }) {
  return {
    latest: jest.fn(async () => {
      if (state.failPointer) throw new Error('S3 down');
      return state.pointer;
    }),
    artifact: jest.fn(async (p: ModelPointer) => bytes(state.body ?? p.version)),
  } as unknown as ModelStore & { latest: jest.Mock; artifact: jest.Mock };
}

describe('ModelCache', () => {
  const session = (name: string) => ({ name }) as unknown as OrtSession;
  let clock = 0;
  const now = () => clock;
  const quiet = () => undefined;

  beforeEach(() => {
    clock = 0;
  });

  it('throws ModelNotReadyError before any model is published', async () => {
    const cache = new ModelCache(fakeStore({}), 'digits', 1000, quiet, async () => session('x'), now);
    await expect(cache.get()).rejects.toThrow(ModelNotReadyError);
  });

  it('re-reads the pointer only after the TTL, and reloads only when the version changed', async () => {
    const state = { pointer: pointer('v1') };
    const store = fakeStore(state);
    const create = jest.fn(async (b: Uint8Array) => session(new TextDecoder().decode(b)));
    const cache = new ModelCache(store, 'digits', 1000, quiet, create, now);

    await cache.get();
    clock = 500;
    await cache.get();
    expect(store.latest).toHaveBeenCalledTimes(1);

    clock = 1500;
    await cache.get();
    expect(store.latest).toHaveBeenCalledTimes(2);
    expect(create).toHaveBeenCalledTimes(1);

    state.pointer = pointer('v2');
    clock = 3000;
    expect((await cache.get()).pointer.version).toBe('v2');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('keeps serving the old model when the new one fails its checksum', async () => {
    const state: { pointer: ModelPointer; body?: string } = { pointer: pointer('v1') };
    const cache = new ModelCache(
      fakeStore(state),
      'digits',
      0,
      quiet,
      async (b) => session(new TextDecoder().decode(b)),
      now,
    );
    await cache.get();
    state.pointer = pointer('v2');
    state.body = 'tampered';
    expect((await cache.get()).pointer.version).toBe('v1');
  });

  it('keeps serving when S3 cannot be reached for the pointer', async () => {
    const state: { pointer: ModelPointer; failPointer?: boolean } = { pointer: pointer('v1') };
    const cache = new ModelCache(fakeStore(state), 'digits', 0, quiet, async () => session('v1'), now);
    await cache.get();
    state.failPointer = true;
    expect((await cache.get()).pointer.version).toBe('v1');
  });

  it('serves a pinned version next to the latest one, without moving the latest', async () => {
    const bucket = mockBucket();
    const store = new ModelStore(bucket.objectStore);
    const publish = async (body: string, day: number) =>
      (
        await store.publish(
          'digits',
          [
            { name: 'model.onnx', body, contentType: 'application/octet-stream' },
            { name: 'metadata.json', body: JSON.stringify({ onnx: { sha256: sha(body) } }), contentType: 'x' },
          ],
          new Date(Date.UTC(2026, 0, day)),
        )
      ).pointer.version;
    const v1 = await publish('one', 1);
    const v2 = await publish('two', 2);
    const cache = new ModelCache(store, 'digits', 0, quiet, async (b) => session(new TextDecoder().decode(b)), now);

    expect((await cache.get()).session).toEqual({ name: 'two' });
    expect((await cache.get(v1)).session).toEqual({ name: 'one' });
    expect(await cache.get(v2)).toBe(await cache.get());
    await expect(cache.get('2020-01-01T00-00-00-000Z-abcdef')).rejects.toThrow(NotFoundError);
    expect((await cache.get()).pointer.version).toBe(v2);
    bucket.mock.restore();
  });

  it('keeps serving the old model when a corrupt artifact is published to S3', async () => {
    const bucket = mockBucket();
    const store = new ModelStore(bucket.objectStore);
    const artifacts = (body: string) => [{ name: 'model.onnx', body, contentType: 'application/octet-stream' }];
    const { pointer: good } = await store.publish('digits', artifacts('good'), new Date(Date.UTC(2026, 0, 1)));
    const log = jest.fn();
    const cache = new ModelCache(store, 'digits', 0, log, async (b) => session(new TextDecoder().decode(b)), now);
    await cache.get();

    const { pointer: bad } = await store.publish('digits', artifacts('new'), new Date(Date.UTC(2026, 0, 2)));
    bucket.objects.set(`${bad.prefix}model.onnx`, new TextEncoder().encode('corrupted in transit'));

    const served = await cache.get();
    expect(served.pointer.version).toBe(good.version);
    expect(served.session).toEqual({ name: 'good' });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not load digits@.*still serving digits@/));
    bucket.mock.restore();
  });
});
