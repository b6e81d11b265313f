import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { draftMetadata } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { ModelRegistry } from './model-registry';
import { ModelStore } from './model-store';

const bucket = mockBucket();
const store = new ModelStore(bucket.objectStore);
let clock = new Date('2026-06-01T00:00:00Z');
const registry = new ModelRegistry(store, () => clock);

const digitsMetadata = (accuracy: number) =>
  draftMetadata('digits', {
    metrics: { accuracy, correct: 871, total: 899 },
    baselines: { majority_class_accuracy: 0.1 },
    classificationReport: { perClass: [{ label: 0, f1: 1 }], confusionMatrix: [[1]] },
    trainedAt: '2026-01-01T00:00:00.000Z',
  });
const storesMetadata = draftMetadata('stores', {
  task: 'nearest-neighbours',
  algorithm: 'exact-knn',
  metrics: { count: 3376, invalid_rows: 2, duplicate_ids: 0 },
  baselines: {},
});

async function publish(model: string, metadata: unknown, at: string, onnx = `${model}@${at}`) {
  const { version } = await store.publish(
    model,
    [
      { name: 'model.onnx', body: onnx, contentType: 'application/octet-stream' },
      { name: 'metadata.json', body: JSON.stringify(metadata), contentType: 'application/json' },
    ],
    new Date(at),
  );
  return version;
}

describe('ModelRegistry reads', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    first = await publish('digits', digitsMetadata(0.9689), '2026-01-01T00:00:00Z');
    second = await publish('digits', digitsMetadata(0.95), '2026-01-02T00:00:00Z');
    await publish('stores', storesMetadata, '2026-01-03T00:00:00Z');
    // A third "model folder" with only a version and no pointer yet (publish interrupted).
    bucket.objects.set('models/rain/versions/v0/model.onnx', new Uint8Array([1]));
    // A publish killed after model.onnx: no metadata.json, so not a version yet.
    bucket.objects.set('models/digits/versions/2026-01-03T00-00-00-000Z-0a0a0a/model.onnx', new Uint8Array([2]));
  });

  it('lists every model with its promoted version and version count', async () => {
    const models = await registry.listModels();
    expect(models).toEqual([
      expect.objectContaining({ name: 'digits', promoted: second, versions: 3 }),
      { name: 'rain', promoted: undefined, promotedAt: undefined, versions: 1, newestVersion: 'v0' },
      expect.objectContaining({ name: 'stores', versions: 1 }),
    ]);
  });

  it("lists a model's versions oldest first with their headline metrics, marking the promoted one", async () => {
    const digits = await registry.listVersions('digits');
    expect(digits.promoted).toBe(second);
    expect(digits.history.map((h) => h.version)).toEqual([first]);
    expect(digits.versions).toEqual([
      {
        version: first,
        promoted: false,
        state: 'complete',
        trainedAt: '2026-01-01T00:00:00.000Z',
        algorithm: 'svc',
        modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        metrics: { accuracy: 0.9689, correct: 871, total: 899, 'baselines.majority_class_accuracy': 0.1 },
        plots: [],
      },
      expect.objectContaining({
        version: second,
        promoted: true,
        metrics: expect.objectContaining({ accuracy: 0.95 }),
      }),
      {
        version: '2026-01-03T00-00-00-000Z-0a0a0a',
        promoted: false,
        state: 'incomplete',
        problem: expect.stringContaining('metadata.json is missing (the publish did not finish)'),
        metrics: {},
        plots: [],
      },
    ]);
  });

  it('reads the metrics of any model from its metadata (stores)', async () => {
    const [version] = (await registry.listVersions('stores')).versions;
    expect(version.metrics).toEqual({ count: 3376, invalid_rows: 2, duplicate_ids: 0 });
  });

  it('marks a metadata.json that does not follow the contract as invalid, naming the file and the field', async () => {
    const key = 'models/stores/versions/2026-01-04T00-00-00-000Z-0b0b0b/metadata.json';
    bucket.objects.set(key, new TextEncoder().encode(JSON.stringify({ model: 'stores', task: 'guessing' })));
    const versions = (await registry.listVersions('stores')).versions;
    expect(versions.at(-1)).toMatchObject({
      state: 'invalid',
      problem: expect.stringContaining(`${key} is not a valid`),
    });
    bucket.objects.delete(key);
  });

  it('shows the integrity of a version: every artifact read and checked', async () => {
    await expect(registry.showVersion('digits')).resolves.toMatchObject({ integrity: { state: 'verified' } });
    const key = `models/digits/versions/${first}/model.onnx`;
    const good = bucket.objects.get(key) as Uint8Array;
    bucket.objects.set(key, good.subarray(0, 3));
    await expect(registry.showVersion('digits', first)).resolves.toMatchObject({
      integrity: { state: 'failed', problem: expect.stringContaining('truncated or replaced') },
    });
    bucket.objects.set(key, good);
  });

  it('cleans orphans older than an hour, never a complete version; a dry run only lists them', async () => {
    const orphan = '2026-01-03T00-00-00-000Z-0a0a0a';
    clock = new Date('2026-01-03T00:30:00Z');
    expect(await registry.clean({ model: 'digits' })).toEqual({
      removed: [],
      tooRecent: [{ model: 'digits', version: orphan }],
    });
    clock = new Date('2026-06-01T00:00:00Z');
    const dry = await registry.clean({ dryRun: true });
    expect(dry.removed).toEqual([expect.objectContaining({ model: 'digits', version: orphan, files: 1 })]);
    expect(await store.versionFiles('digits', orphan)).toEqual(['model.onnx']);
    await registry.clean();
    expect(await store.versionFiles('digits', orphan)).toEqual([]);
    expect((await registry.listVersions('digits')).versions.map((v) => v.state)).toEqual(['complete', 'complete']);
  });

  it('shows one version with its files and whole metadata, the promoted one by default', async () => {
    const shown = await registry.showVersion('digits');
    expect(shown).toMatchObject({ model: 'digits', version: second, promoted: true });
    expect(shown.files.sort()).toEqual(['metadata.json', 'model.onnx']);
    expect(shown.metadata).toMatchObject({ classificationReport: { confusionMatrix: [[1]] } });
    await expect(registry.showVersion('digits', first)).resolves.toMatchObject({ version: first, promoted: false });
  });

  it('answers 404 naming an unknown model and listing the known ones', async () => {
    await expect(registry.listVersions('digitz')).rejects.toThrow(NotFoundError);
    await expect(registry.listVersions('digitz')).rejects.toThrow(
      'no model named "digitz" (models: digits, rain, stores)',
    );
    await expect(registry.showVersion('digitz')).rejects.toThrow('no model named "digitz"');
  });

  it('answers 404 naming an unknown version, and 400 for a malformed one', async () => {
    await expect(registry.showVersion('digits', '2020-01-01T00-00-00-000Z-000000')).rejects.toThrow(
      'no version "2020-01-01T00-00-00-000Z-000000" of model digits',
    );
    await expect(registry.showVersion('digits', '../rain')).rejects.toThrow(ValidationError);
  });

  it('tells how to show a model that has versions but nothing promoted', async () => {
    await expect(registry.showVersion('rain')).rejects.toThrow('rain has no promoted version: show one, e.g. rain@v0');
  });
});
