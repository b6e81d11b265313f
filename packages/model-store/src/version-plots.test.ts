import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { draftMetadata } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { ModelRegistry } from './model-registry';
import { ModelStore } from './model-store';
import { ModelIntegrityError } from './registry-errors';

const bucket = mockBucket();
const store = new ModelStore(bucket.objectStore);
const registry = new ModelRegistry(store);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>ROC curve</text></svg>\n';
let withPlots: string;
let withoutPlots: string;

beforeAll(async () => {
  const publish = async (plots: boolean, day: number) =>
    (
      await store.publish(
        'rain',
        [
          { name: 'model.onnx', body: `rain ${day}`, contentType: 'application/octet-stream' },
          ...(plots ? [{ name: 'plots/roc-curve.svg', body: SVG, contentType: 'image/svg+xml' }] : []),
          {
            name: 'metadata.json',
            body: JSON.stringify(
              draftMetadata(
                'rain',
                plots ? { plots: [{ id: 'roc-curve', title: 'ROC curve', file: 'plots/roc-curve.svg' }] } : {},
              ),
            ),
            contentType: 'application/json',
          },
        ],
        new Date(Date.UTC(2026, 0, day)),
      )
    ).version;
  withoutPlots = await publish(false, 1);
  withPlots = await publish(true, 2);
});
afterAll(() => bucket.mock.restore());

describe('version plots in the registry', () => {
  it('lists each version’s plots with the API path of its SVG, none for a version from before plots', async () => {
    const { versions } = await registry.listVersions('rain');
    expect(versions.map((v) => v.plots)).toEqual([
      [],
      [{ id: 'roc-curve', title: 'ROC curve', url: `/models/rain/versions/${withPlots}/plots/roc-curve.svg` }],
    ]);
  });

  it('reads a plot’s bytes after checking them against the metadata', async () => {
    const { title, svg } = await registry.plot('rain', withPlots, 'roc-curve');
    expect(title).toBe('ROC curve');
    expect(Buffer.from(svg).toString()).toBe(SVG);
  });

  it('answers 404 naming what is unknown: model, version, plot', async () => {
    await expect(registry.plot('snow', withPlots, 'roc-curve')).rejects.toThrow(
      new NotFoundError('no model named "snow" (models: rain)'),
    );
    await expect(registry.plot('rain', '2026-09-09T00-00-00-000Z-000000', 'roc-curve')).rejects.toThrow(
      /^no version "2026-09-09T00-00-00-000Z-000000" of model rain/,
    );
    await expect(registry.plot('rain', withPlots, 'confusion-matrix')).rejects.toThrow(
      new NotFoundError(`rain@${withPlots} has no plot "confusion-matrix" (its plots: roc-curve)`),
    );
    await expect(registry.plot('rain', withoutPlots, 'roc-curve')).rejects.toThrow(
      /has no plot "roc-curve" \(it has none \(trained before plots were made\)\)/,
    );
  });

  it('answers 400 for a plot id that is not one', async () => {
    await expect(registry.plot('rain', withPlots, '../model.onnx')).rejects.toThrow(ValidationError);
  });

  it('refuses (409) an SVG that is not the file its metadata recorded', async () => {
    const key = `models/rain/versions/${withPlots}/plots/roc-curve.svg`;
    bucket.objects.set(key, new TextEncoder().encode(SVG.replace('ROC', 'XXX')));
    await expect(registry.plot('rain', withPlots, 'roc-curve')).rejects.toThrow(ModelIntegrityError);
    bucket.objects.delete(key);
    await expect(registry.plot('rain', withPlots, 'roc-curve')).rejects.toThrow(/its plots\/roc-curve.svg is missing/);
    bucket.objects.set(key, new TextEncoder().encode(SVG));
  });
});
