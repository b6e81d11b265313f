import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '@serverless-ml/datasets';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { ModelStore } from '@serverless-ml/model-store';
import { RAIN_FEATURE_NAMES, TRAINING_PLACES } from '@serverless-ml/rain-model';
import { readProvenance } from '../provenance';
import { MemoryObjectStore } from '../retrain/memory-object-store';
import { trainRain } from './train-rain';

const provenance = readProvenance({ CODE_VERSION: 'test-commit' });

const CSV = readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'weather.csv'));

function deps(csv: Uint8Array | string | undefined) {
  const data = new MemoryObjectStore('data-bucket');
  if (csv !== undefined) data.objects.set('weather.csv', csv);
  const models = new MemoryObjectStore('model-bucket');
  const log = jest.fn();
  return { deps: { data, models: new ModelStore(models), log, provenance }, models, log };
}

describe('trainRain', () => {
  it('trains on data/weather.csv, beats the baselines and publishes model.onnx and metadata.json', async () => {
    const { deps: d, models, log } = deps(CSV);
    const summary = await trainRain({ datasetKey: 'weather.csv' }, d);

    // Reached on the 2015 test split (scikit-learn RandomForest: 0.713 / 0.724); the issue's
    // targets (accuracy ≥ 0.73, AUC ≥ 0.74) are not: see packages/rain-model/README.md.
    expect(summary.metrics.accuracy).toBeGreaterThanOrEqual(0.72);
    expect(summary.metrics.auc).toBeGreaterThanOrEqual(0.72);
    expect(summary.metrics.brier).toBeLessThan(0.195);
    expect(summary.baselines.persistence_accuracy).toBeCloseTo(0.691, 3);
    expect(summary.baselines.always_dry_accuracy).toBeCloseTo(0.651, 3);
    expect(summary).toMatchObject({ model: 'rain', algorithm: 'boosted-trees', rows: { test: 728, invalid: 0 } });
    expect(summary.keys.map((k) => k.split('/').slice(4).join('/'))).toEqual([
      'model.onnx',
      'plots/roc-curve.svg',
      'plots/reliability.svg',
      'metadata.json',
    ]);
    expect(log.mock.calls.map(([m]) => String(m).slice(0, 5))).toEqual(
      expect.arrayContaining(['[load', '[pars', '[spli', '[trai', '[expo', '[plot', '[publ']),
    );

    const metadata = JSON.parse(String(models.objects.get(summary.keys[3])));
    expect(metadata.plots).toEqual([
      { id: 'roc-curve', title: `ROC curve (AUC ${summary.metrics.auc.toFixed(3)})`, file: 'plots/roc-curve.svg' },
      { id: 'reliability', title: 'Reliability diagram against the baselines', file: 'plots/reliability.svg' },
    ]);
    const roc = String(models.objects.get(summary.keys[1]));
    expect(roc).toContain(`ROC curve (AUC ${summary.metrics.auc.toFixed(3)})`);
    expect(roc).toContain('False positive rate');
    const reliability = String(models.objects.get(summary.keys[2]));
    for (const forecaster of ['model (Brier', 'always dry (Brier', 'persistence (Brier', 'climatology (Brier']) {
      expect(reliability).toContain(forecaster);
    }
    expect(metadata.artifacts.find((a: { name: string }) => a.name === 'plots/roc-curve.svg')).toEqual({
      name: 'plots/roc-curve.svg',
      sha256: sha256Hex(roc),
      size: Buffer.byteLength(roc),
      contentType: 'image/svg+xml',
    });
    expect(metadata.split).toMatchObject({ trainYears: [2012, 2013, 2014], testYear: 2015, testRows: 728 });
    expect(metadata.features).toEqual(RAIN_FEATURE_NAMES);
    expect(metadata.input.features.map((f: { name: string }) => f.name)).toEqual(RAIN_FEATURE_NAMES);
    expect(metadata).toMatchObject({ task: 'binary-classification', output: { tensor: 'probability' } });
    expect(metadata.trainingPlaces).toEqual(TRAINING_PLACES);
    expect(metadata.metrics['without_recent_days.auc']).toBeGreaterThanOrEqual(0.72);
    expect(metadata.metrics['without_recent_days.accuracy']).toBeGreaterThanOrEqual(0.71);
    expect(metadata.baselines.persistence_accuracy).toBeCloseTo(0.691, 3);
    expect(metadata.onnx.maxAbsDiffVsTrainer).toBeLessThan(1e-5);
    expect(metadata.dataset.sha256).toBe('27219f1ca8dbd94c9b6f4b9f4f52ab2f1eb33dfdcf719cd9fc6481ed50b74549');
    expect(metadata.onnx.sha256).toBe(sha256Hex(models.bytes(summary.keys[0])));
    expect(metadata).toMatchObject({
      seed: 42,
      trainEvent: { model: 'rain', datasetKey: 'weather.csv', seed: 42 },
      codeVersion: 'test-commit',
      versions: provenance.versions,
    });
  });

  it('writes the same model.onnx bytes when retrained with the same seed', async () => {
    const first = deps(CSV);
    const second = deps(CSV);
    const a = await trainRain({ datasetKey: 'weather.csv', seed: 3 }, first.deps);
    const b = await trainRain({ datasetKey: 'weather.csv', seed: 3 }, second.deps);
    expect(first.models.objects.get(b.keys[0].replace(b.version, a.version))).toEqual(
      second.models.objects.get(b.keys[0]),
    );
  });

  it('throws NotFoundError naming the s3 URL when the dataset is missing', async () => {
    const { deps: d } = deps(undefined);
    const run = trainRain({ datasetKey: 'weather.csv' }, d);
    await expect(run).rejects.toThrow(NotFoundError);
    await expect(run).rejects.toThrow('s3://data-bucket/weather.csv');
  });

  it('throws ValidationError naming the line when the CSV is malformed', async () => {
    const { deps: d } = deps('location,date,precipitation,temp_max,temp_min,wind\nSeattle,2012-01-01,x,1,0,2\n');
    const run = trainRain({ datasetKey: 'weather.csv' }, d);
    await expect(run).rejects.toThrow(ValidationError);
    await expect(run).rejects.toThrow('line 2: precipitation "x" is not a number');
  });
});
