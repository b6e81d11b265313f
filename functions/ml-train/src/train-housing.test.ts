import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '@serverless-ml/errors';
import { ModelStore, parseModelMetadata } from '@serverless-ml/model-store';
import { readProvenance } from './provenance';
import { MemoryObjectStore } from './retrain/memory-object-store';
import { parseTrainEvent } from './schema';
import { trainModel } from './train-model';

const CSV = readFileSync(join(__dirname, '..', '..', '..', 'data', 'housing.csv'), 'utf8');

function deps(csv: string) {
  const data = new MemoryObjectStore('data', { 'housing.csv': csv });
  const bucket = new MemoryObjectStore('models');
  const log = jest.fn();
  const provenance = readProvenance({ CODE_VERSION: 'test-commit' });
  return { deps: { data, models: new ModelStore(bucket), log, provenance }, bucket, log };
}

describe('ml-train {"model": "housing"} through the trainer pipeline', () => {
  it('publishes a contract metadata.json and answers the common summary (linear: fast)', async () => {
    const { deps: d, bucket, log } = deps(CSV);
    const summary = await trainModel(parseTrainEvent({ model: 'housing', algorithm: 'linear' }), d);
    expect(summary).toMatchObject({
      model: 'housing',
      algorithm: 'linear',
      rows: { train: 16512, test: 4128, invalid: 0 },
      baselines: { predict_mean_r2: expect.any(Number) },
    });
    expect(summary.metrics.r2).toBeGreaterThan(0.64);
    const key = summary.keys.find((k) => k.endsWith('metadata.json')) as string;
    const metadata = parseModelMetadata(bucket.objects.get(key) as Uint8Array, key);
    expect(metadata).toMatchObject({
      task: 'regression',
      output: { tensor: 'variable', name: 'median_house_value' },
      trainEvent: { model: 'housing', algorithm: 'linear', seed: 42 },
      dataset: { key: 'housing.csv', rows: 20640, invalidRows: 0 },
    });
    expect(metadata.input.features.map((f) => f.name)).toEqual([
      'longitude',
      'latitude',
      'housing_median_age',
      'total_rooms',
      'total_bedrooms',
      'population',
      'households',
      'median_income',
      'ocean_proximity',
    ]);
    expect(metadata.plots).toEqual([
      { id: 'predicted-vs-actual', title: 'Predicted vs actual', file: 'plots/predicted-vs-actual.svg' },
      {
        id: 'residuals-by-decile',
        title: 'Residuals by decile of the prediction',
        file: 'plots/residuals-by-decile.svg',
      },
    ]);
    const svg = (file: string) => String(bucket.objects.get(key.replace('metadata.json', file)));
    expect(svg('plots/predicted-vs-actual.svg')).toContain('1,000 of 4,128 test rows, evenly sampled');
    expect(svg('plots/predicted-vs-actual.svg')).toContain('Actual median house value (USD)');
    expect(svg('plots/residuals-by-decile.svg')).toContain('Residual, median house value (USD)');
    const stages = log.mock.calls.map(([m]) => String(m).split(']')[0]);
    expect(stages).toEqual(expect.arrayContaining(['[load', '[parse', '[plots', '[publish']));
  });

  it('stores a version without moving latest when the event says "promote": false', async () => {
    const { deps: d, bucket, log } = deps(CSV);
    const first = await trainModel(parseTrainEvent({ model: 'housing', algorithm: 'linear' }), d);
    const second = await trainModel(parseTrainEvent({ model: 'housing', algorithm: 'linear', promote: false }), d);
    expect(second).toMatchObject({ promoted: false });
    expect((await d.models.latest('housing'))?.version).toBe(first.version);
    expect(second.keys.every((k) => bucket.objects.has(k))).toBe(true);
    const key = second.keys.find((k) => k.endsWith('metadata.json')) as string;
    // The retraining event in the metadata does not carry the promotion choice.
    expect(parseModelMetadata(bucket.objects.get(key) as Uint8Array, key).trainEvent).not.toHaveProperty('promote');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/is stored, not promoted: pnpm ml models promote housing@/));
  });

  it('counts and reports rows with bad values instead of keeping them', async () => {
    const lines = CSV.split('\n');
    lines[3] = lines[3].replace('NEAR BAY', 'NEAR MARS');
    lines[5] = lines[5].replace(/^[^,]+/, 'west');
    const { deps: d } = deps(lines.join('\n'));
    const summary = await trainModel(parseTrainEvent({ model: 'housing', algorithm: 'linear' }), d);
    expect(summary.rows.invalid).toBe(2);
    expect(summary.invalidExamples).toEqual([
      expect.objectContaining({ line: 4, reason: expect.stringContaining('NEAR MARS') }),
      expect.objectContaining({ line: 6, reason: expect.stringContaining('west') }),
    ]);
  });

  it('refuses bad hyper-parameters with a 400 naming the field, before training', async () => {
    const { deps: d } = deps(CSV);
    const event = parseTrainEvent({ model: 'housing', algorithm: 'forest', hyperParameters: { trees: 0 } });
    await expect(trainModel(event, d)).rejects.toThrow(ValidationError);
    await expect(trainModel(event, d)).rejects.toThrow(/hyperParameters\.trees/);
  });
});
