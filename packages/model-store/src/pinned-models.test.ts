import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import { publishFixture } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { ModelStore } from './model-store';
import { PinnedModels } from './pinned-models';
import { ModelIntegrityError } from './registry-errors';
import { sha256Hex } from './version-integrity';

const session = (b: Uint8Array) => ({ model: new TextDecoder().decode(b) }) as unknown as OrtSession;

describe('PinnedModels', () => {
  let bucket: ReturnType<typeof mockBucket>;
  let store: ModelStore;
  beforeEach(() => {
    bucket = mockBucket();
    store = new ModelStore(bucket.objectStore);
  });
  afterEach(() => bucket.mock.restore());

  function pinned(log: (m: string) => void = () => undefined, max = 4) {
    const create = jest.fn(async (b: Uint8Array) => session(b));
    const verify = jest.fn(async () => undefined);
    return { models: new PinnedModels('digits', { store, create, verify, log }, max), create, verify };
  }

  it('loads exactly the version asked for, verified against its metadata, once', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    await publishFixture(store, 'digits', 'two', 2);
    const { models, create, verify } = pinned();
    const loaded = await models.get(v1);
    expect(loaded.pointer).toMatchObject({ model: 'digits', version: v1, modelSha256: sha256Hex('one') });
    expect(loaded.metadata).toMatchObject({ model: 'digits', version: v1, task: 'classification' });
    expect(loaded.session).toEqual({ model: 'one' });
    expect(await models.get(v1)).toBe(loaded);
    expect(create).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ prefix: `models/digits/versions/${v1}/` }));
  });

  it('answers 404 naming an unknown version, 400 for a malformed one', async () => {
    const { models } = pinned();
    await expect(models.get('v9')).rejects.toThrow(NotFoundError);
    await expect(models.get('v9')).rejects.toThrow('no version "v9" of model digits');
    await expect(models.get('../x')).rejects.toThrow(ValidationError);
  });

  it('refuses a version whose model.onnx does not match its metadata, and retries later', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    const key = `models/digits/versions/${v1}/model.onnx`;
    bucket.objects.set(key, new TextEncoder().encode('two'));
    const { models } = pinned();
    await expect(models.get(v1)).rejects.toThrow(ModelIntegrityError);
    await expect(models.get(v1)).rejects.toThrow(new RegExp(`refusing digits@${v1}: its model.onnx has sha256`));
    bucket.objects.set(key, new TextEncoder().encode('one'));
    await expect(models.get(v1)).resolves.toMatchObject({ pointer: { version: v1 } });
  });

  it('refuses a version whose publish did not finish', async () => {
    const v1 = await publishFixture(store, 'digits', 'one', 1);
    bucket.objects.delete(`models/digits/versions/${v1}/metadata.json`);
    await expect(pinned().models.get(v1)).rejects.toThrow(/metadata.json is missing \(the publish did not finish\)/);
  });

  it('keeps at most `max` versions, dropping the least recently used', async () => {
    const [a, b, c] = [
      await publishFixture(store, 'digits', 'a', 1),
      await publishFixture(store, 'digits', 'b', 2),
      await publishFixture(store, 'digits', 'c', 3),
    ];
    const { models, create } = pinned(() => undefined, 2);
    await models.get(a);
    await models.get(b);
    await models.get(a);
    await models.get(c); // evicts b
    await models.get(a);
    expect(create).toHaveBeenCalledTimes(3);
    await models.get(b);
    expect(create).toHaveBeenCalledTimes(4);
  });
});
