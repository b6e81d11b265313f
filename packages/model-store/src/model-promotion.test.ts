import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { NotFoundError } from '@serverless-ml/errors';
import { publishFixture } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { MAX_POINTER_HISTORY, type ModelPointer } from './model-pointer';
import { ModelRegistry } from './model-registry';
import { ModelStore } from './model-store';
import { ModelIntegrityError, RegistryConflictError } from './registry-errors';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const POINTER = 'models/digits/latest.json';

let bucket: ReturnType<typeof mockBucket>;
let store: ModelStore;
let registry: ModelRegistry;
let day = 0;

async function train(onnx = `model-${day}`): Promise<string> {
  day++;
  return publishFixture(store, 'digits', onnx, day, { metrics: { accuracy: day / 100 } });
}

const pointer = () => bucket.json(POINTER) as ModelPointer;
const pointerWrites = () =>
  bucket.mock.commandCalls(PutObjectCommand).filter((c) => c.args[0].input.Key === POINTER).length;

beforeEach(() => {
  bucket = mockBucket();
  store = new ModelStore(bucket.objectStore);
  registry = new ModelRegistry(store, () => new Date('2026-06-01T00:00:00Z'));
  day = 0;
});

afterEach(() => bucket.mock.restore());

/** Once, just before our next pointer write lands: another writer publishes `version`. */
function anotherWriterPublishes(version: string) {
  bucket.hooks.beforePut = (key) => {
    if (key !== POINTER) return;
    bucket.hooks.beforePut = undefined;
    const theirs = { ...pointer(), version, publishedAt: '2026-05-31T00:00:00.000Z', history: [] };
    bucket.objects.set(POINTER, new TextEncoder().encode(JSON.stringify(theirs)));
  };
}

describe('pointer writes racing another writer', () => {
  it('publish re-reads a pointer changed since it read it, keeping the other version in the history', async () => {
    const v1 = await train();
    anotherWriterPublishes('2026-05-31T00-00-00-000Z-aaaaaa');

    const v2 = await train();

    expect(pointer()).toMatchObject({ version: v2, history: [{ version: '2026-05-31T00-00-00-000Z-aaaaaa' }] });
    expect(pointerWrites()).toBe(3); // v1, the refused first try of v2, its retry
    expect(v1).not.toBe(v2);
  });

  it('publish creates the first pointer only if nobody else did (If-None-Match)', async () => {
    const calls = () => bucket.mock.commandCalls(PutObjectCommand).filter((c) => c.args[0].input.Key === POINTER);
    await train();
    expect(calls()[0].args[0].input).toMatchObject({ IfNoneMatch: '*' });
    await train();
    expect(calls()[1].args[0].input.IfMatch).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('rollback refuses with 409 and writes nothing when another promotion happened since it checked', async () => {
    await train();
    await train();
    anotherWriterPublishes('2026-05-31T00-00-00-000Z-bbbbbb');

    const rollback = registry.rollback('digits');

    await expect(rollback).rejects.toThrow(RegistryConflictError);
    await expect(rollback).rejects.toThrow(/changed while rolling back .*nothing was rolled back/);
    expect(pointer().version).toBe('2026-05-31T00-00-00-000Z-bbbbbb');
  });

  it('gives up with 409 after 3 attempts when the pointer keeps changing', async () => {
    await train();
    let n = 0;
    bucket.hooks.beforePut = (key) => {
      if (key === POINTER)
        bucket.objects.set(POINTER, new TextEncoder().encode(JSON.stringify({ ...pointer(), n: n++ })));
    };
    await expect(store.updatePointer('digits', (p) => p as ModelPointer)).rejects.toThrow(
      /pointer kept changing under other writers \(3 attempts\)/,
    );
  });
});

describe('ModelRegistry.promote and rollback', () => {
  it('publish pushes the previous pointer onto the history', async () => {
    const v1 = await train();
    const v2 = await train();
    expect(pointer()).toMatchObject({ version: v2, history: [{ version: v1, modelSha256: sha('model-0') }] });
  });

  it('promotes an older version, then rolls back, each with one pointer write and nothing else', async () => {
    const v1 = await train();
    const v2 = await train();
    const v3 = await train();
    bucket.mock.resetHistory();

    const promoted = await registry.promote('digits', v1);
    expect(promoted).toMatchObject({ from: v3, to: v1, changed: true });
    expect(pointer()).toMatchObject({ version: v1, publishedAt: '2026-06-01T00:00:00.000Z' });
    expect(pointer().history?.map((h) => h.version)).toEqual([v3, v2, v1]);
    expect(bucket.mock.commandCalls(PutObjectCommand)).toHaveLength(1);

    await expect(registry.rollback('digits')).resolves.toMatchObject({ from: v1, to: v3 });
    expect(pointer().history?.map((h) => h.version)).toEqual([v2, v1]);
    await expect(registry.rollback('digits')).resolves.toMatchObject({ to: v2 });
    await expect(registry.rollback('digits')).resolves.toMatchObject({ to: v1 });
    expect(pointerWrites()).toBe(4);
    expect(bucket.mock.commandCalls(PutObjectCommand)).toHaveLength(4);
    await expect(registry.rollback('digits')).rejects.toThrow(RegistryConflictError);
    await expect(registry.rollback('digits')).rejects.toThrow(/digits has no earlier promotion to roll back to/);
  });

  it('does not write when the version is already promoted', async () => {
    const v1 = await train();
    bucket.mock.resetHistory();
    await expect(registry.promote('digits', v1)).resolves.toMatchObject({ changed: false, to: v1 });
    expect(pointerWrites()).toBe(0);
  });

  it('refuses to promote a version whose model.onnx does not match its recorded sha256', async () => {
    const v1 = await train();
    await train();
    bucket.objects.set(`models/digits/versions/${v1}/model.onnx`, new TextEncoder().encode('tampered'));
    bucket.mock.resetHistory();
    await expect(registry.promote('digits', v1)).rejects.toThrow(ModelIntegrityError);
    await expect(registry.promote('digits', v1)).rejects.toThrow(
      `refusing digits@${v1}: its model.onnx has 8 bytes, but 7 were recorded`,
    );
    expect(pointerWrites()).toBe(0);
  });

  it('refuses to promote a missing version or an unknown model', async () => {
    await train();
    await expect(registry.promote('digits', '2020-01-01T00-00-00-000Z-abcdef')).rejects.toThrow(
      'no version "2020-01-01T00-00-00-000Z-abcdef" of model digits',
    );
    await expect(registry.promote('pixels', 'v1')).rejects.toThrow(NotFoundError);
    await expect(registry.promote('pixels', 'v1')).rejects.toThrow('no model named "pixels" (models: digits)');
  });

  it('refuses to roll back onto a version whose model.onnx was corrupted since', async () => {
    const v1 = await train();
    await train();
    bucket.objects.set(`models/digits/versions/${v1}/model.onnx`, new TextEncoder().encode('tampered'));
    await expect(registry.rollback('digits')).rejects.toThrow(ModelIntegrityError);
  });

  it('keeps at most MAX_POINTER_HISTORY earlier promotions', async () => {
    for (let i = 0; i < MAX_POINTER_HISTORY + 3; i++) await train();
    expect(pointer().history).toHaveLength(MAX_POINTER_HISTORY);
  });

  it('reads a pointer written before the registry (no history) and says there is nothing to roll back to', async () => {
    const v1 = await train();
    const { history, ...old } = pointer();
    bucket.objects.set(POINTER, new TextEncoder().encode(JSON.stringify(old)));
    await expect(registry.listVersions('digits')).resolves.toMatchObject({ promoted: v1, history: [] });
    await expect(registry.rollback('digits')).rejects.toThrow(RegistryConflictError);
    const v2 = await train();
    expect(pointer()).toMatchObject({ version: v2, history: [{ version: v1, promotedAt: old.publishedAt }] });
  });
});
