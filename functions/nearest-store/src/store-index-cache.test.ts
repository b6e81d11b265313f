import { UpstreamError } from '@serverless-ml/errors';
import type { LoadedModel, ModelPointer } from '@serverless-ml/model-store';
import type { ModelMetadata } from '@serverless-ml/model-store/contract';
import type { OrtSession } from '@serverless-ml/onnx';
import { StoreIndexCache } from './store-index-cache';

const store = (id: string) => ({ id, name: id, address: '', latitude: 1, longitude: 2 });
const loaded = (version: string): LoadedModel => ({
  pointer: { version } as ModelPointer,
  session: { version } as unknown as OrtSession,
  metadata: {} as ModelMetadata,
});
const catalogBytes = (...ids: string[]) => new TextEncoder().encode(JSON.stringify(ids.map(store)));

describe('StoreIndexCache', () => {
  it('reads the catalog once per model version and pairs it with that version’s session', async () => {
    let model = loaded('v1');
    const artifact = jest.fn(async (p: ModelPointer) => catalogBytes(`${p.version}-a`, `${p.version}-b`));
    const cache = new StoreIndexCache({ get: async () => model }, { artifact });

    await cache.get();
    const first = await cache.get();
    expect(artifact).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({
      modelVersion: 'v1',
      session: model.session,
      catalog: [{ id: 'v1-a' }, { id: 'v1-b' }],
    });

    model = loaded('v2');
    const second = await cache.get();
    expect(artifact).toHaveBeenCalledTimes(2);
    expect(second).toMatchObject({
      modelVersion: 'v2',
      session: model.session,
      catalog: [{ id: 'v2-a' }, { id: 'v2-b' }],
    });
  });

  it('answers 503 naming the version when stores.json is unreadable, and retries on the next request', async () => {
    const artifact = jest
      .fn()
      .mockRejectedValueOnce(new Error('S3 down'))
      .mockResolvedValueOnce(new TextEncoder().encode('{"not": "a list"}'))
      .mockResolvedValueOnce(catalogBytes('a'));
    const cache = new StoreIndexCache({ get: async () => loaded('v1') }, { artifact });

    await expect(cache.get()).rejects.toThrow(UpstreamError);
    await expect(cache.get()).rejects.toThrow('could not load the store catalog of stores@v1');
    await expect(cache.get()).resolves.toMatchObject({ catalog: [{ id: 'a' }] });
  });

  it('passes on ModelCache errors (no model yet → ModelNotReadyError)', async () => {
    const cache = new StoreIndexCache({ get: () => Promise.reject(new Error('no model')) }, { artifact: jest.fn() });
    await expect(cache.get()).rejects.toThrow('no model');
  });

  it('keeps the catalogs of the promoted and a pinned version apart, reading each once', async () => {
    const models = { v1: loaded('v1'), v2: loaded('v2') };
    const get = jest.fn(async (version?: string) => (version === 'v1' ? models.v1 : models.v2));
    const artifact = jest.fn(async (p: ModelPointer) => catalogBytes(p.version));
    const cache = new StoreIndexCache({ get }, { artifact });

    for (let i = 0; i < 2; i++) {
      expect(await cache.get()).toMatchObject({ modelVersion: 'v2', catalog: [{ id: 'v2' }] });
      expect(await cache.get('v1')).toMatchObject({ modelVersion: 'v1', catalog: [{ id: 'v1' }] });
    }
    expect(get).toHaveBeenCalledWith('v1');
    expect(artifact).toHaveBeenCalledTimes(2);
  });
});
