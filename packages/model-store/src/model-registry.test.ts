import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { mockBucket } from './mock-bucket.fixture';
import { ModelRegistry } from './model-registry';
import { ModelStore } from './model-store';

const bucket = mockBucket();
const store = new ModelStore(bucket.objectStore);
const registry = new ModelRegistry(store);

const digitsMetadata = (accuracy: number) => ({
  model: 'digits',
  metrics: { accuracy, correct: 871, total: 899, perClass: [{ label: 0, f1: 1 }], confusionMatrix: [[1]] },
  onnx: { sha256: 'not-a-sha' },
  trainedAt: '2026-01-01T00:00:00.000Z',
});
const storesMetadata = { model: 'stores', count: 3376, maxK: 3376, invalidRows: { count: 2, first: [] } };

async function publish(model: string, metadata: unknown, at: string, onnx = `${model}@${at}`) {
  const { pointer } = await store.publish(
    model,
    [
      { name: 'model.onnx', body: onnx, contentType: 'application/octet-stream' },
      { name: 'metadata.json', body: JSON.stringify(metadata), contentType: 'application/json' },
    ],
    new Date(at),
  );
  return pointer.version;
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
  });

  it('lists every model with its promoted version and version count', async () => {
    const models = await registry.listModels();
    expect(models).toEqual([
      expect.objectContaining({ name: 'digits', promoted: second, versions: 2, newestVersion: second }),
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
        trainedAt: '2026-01-01T00:00:00.000Z',
        modelSha256: undefined,
        metrics: { accuracy: 0.9689, correct: 871, total: 899 },
      },
      expect.objectContaining({
        version: second,
        promoted: true,
        metrics: expect.objectContaining({ accuracy: 0.95 }),
      }),
    ]);
  });

  it('reads metrics from a metadata.json without a metrics section (stores)', async () => {
    const [version] = (await registry.listVersions('stores')).versions;
    expect(version.metrics).toEqual({ count: 3376, maxK: 3376, 'invalidRows.count': 2 });
  });

  it('shows one version with its files and whole metadata, the promoted one by default', async () => {
    const shown = await registry.showVersion('digits');
    expect(shown).toMatchObject({ model: 'digits', version: second, promoted: true });
    expect(shown.files.sort()).toEqual(['metadata.json', 'model.onnx']);
    expect(shown.metadata).toMatchObject({ metrics: { confusionMatrix: [[1]] } });
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
