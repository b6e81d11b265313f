import { readVersionMetadata } from './version-metadata';

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const SHA = 'a'.repeat(64);

describe('readVersionMetadata', () => {
  it("takes digits' headline numbers, skipping per-class arrays and the confusion matrix", () => {
    const meta = readVersionMetadata(
      json({
        metrics: { accuracy: 0.9689, correct: 871, total: 899, perClass: [{ f1: 1 }], confusionMatrix: [[1]] },
        onnx: { sha256: SHA },
        trainedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(meta).toMatchObject({
      modelSha256: SHA,
      trainedAt: '2026-01-01T00:00:00.000Z',
      metrics: { accuracy: 0.9689, correct: 871, total: 899 },
    });
  });

  it("flattens rain's nested baselines with dotted names", () => {
    const meta = readVersionMetadata(json({ metrics: { auc: 0.72, baselines: { always_dry_accuracy: 0.65 } } }));
    expect(meta.metrics).toEqual({ auc: 0.72, 'baselines.always_dry_accuracy': 0.65 });
  });

  it('reads a metadata.json without metrics (stores) from its top-level numbers and section counts', () => {
    const meta = readVersionMetadata(json({ count: 3, duplicateIds: { count: 1, first: [] }, dataset: { rows: 4 } }));
    expect(meta.metrics).toEqual({ count: 3, 'duplicateIds.count': 1 });
  });

  it('gives empty metrics for a missing or broken file instead of failing the listing', () => {
    expect(readVersionMetadata(undefined)).toEqual({ metrics: {} });
    expect(readVersionMetadata(new TextEncoder().encode('{not json'))).toEqual({ metrics: {} });
    expect(readVersionMetadata(json({ onnx: { sha256: 'short' } })).modelSha256).toBeUndefined();
  });
});
