import { sha256Hex } from '@serverless-ml/datasets';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import { ModelStore } from '@serverless-ml/model-store';
import { createSession, loadOrt } from '@serverless-ml/onnx';
import { readProvenance } from '../provenance';
import { MemoryObjectStore } from '../retrain/memory-object-store';
import type { TrainDeps } from '../train-types';
import { toUnitVector } from './stores-onnx';
import { trainStores } from './train-stores';

function deps(csv?: string) {
  const data = new MemoryObjectStore('data', csv === undefined ? {} : { 'stores.csv': csv });
  const modelBucket = new MemoryObjectStore('models');
  const provenance = readProvenance({ CODE_VERSION: 'test-commit' });
  const trainDeps: TrainDeps = { data, models: new ModelStore(modelBucket), log: () => undefined, provenance };
  return { trainDeps, modelBucket };
}

const CSV = [
  'id,name,address,latitude,longitude',
  'BWI,Baltimore/Washington International,"Baltimore, MD, USA",39.17540167,-76.66819833',
  'DCA,Ronald Reagan Washington National,"Arlington, VA, USA",38.85208333,-77.03772222',
  'BAD,Null Island?,,,0',
  'IAD,Washington Dulles International,"Chantilly, VA, USA",38.94453194,-77.45580972',
  'DCA,Duplicate,,1,1',
].join('\n');

describe('trainStores', () => {
  it('publishes model, catalog and metadata over every valid store, reporting the rows left out', async () => {
    const { trainDeps, modelBucket } = deps(CSV);
    const summary = await trainStores({ datasetKey: 'stores.csv' }, trainDeps);

    expect(summary.metrics).toEqual({ count: 3, invalid_rows: 1, duplicate_ids: 1 });
    expect(summary.invalidRows).toEqual({ count: 1, first: [{ line: 4, reason: 'latitude is empty' }] });
    expect(summary.keys.map((k) => k.split('/').pop())).toEqual([
      'model.onnx',
      'stores.json',
      'store-map.svg',
      'metadata.json',
    ]);
    const file = (name: string) => String(modelBucket.objects.get(`models/stores/versions/${summary.version}/${name}`));
    expect(file('plots/store-map.svg')).toContain('3 stores; Albers USA projection');
    expect(JSON.parse(file('stores.json')).map((s: { id: string }) => s.id)).toEqual(['BWI', 'DCA', 'IAD']);
    expect(JSON.parse(file('metadata.json'))).toMatchObject({
      count: 3,
      maxK: 3,
      invalidRows: { count: 1, first: [{ line: 4 }] },
      duplicateIds: { count: 1, first: [{ line: 6 }] },
      check: { queries: 3, selfMatches: 3 },
      dataset: { key: 'stores.csv', schema: 'generic', rows: 5, ids: 'column', extraColumns: [] },
      plots: [{ id: 'store-map', title: 'The store catalog on a map', file: 'plots/store-map.svg' }],
      seed: null,
      trainEvent: { model: 'stores', datasetKey: 'stores.csv' },
      codeVersion: 'test-commit',
      onnx: {
        sha256: sha256Hex(modelBucket.objects.get(`models/stores/versions/${summary.version}/model.onnx`) ?? ''),
      },
    });
  });

  it('publishes a model that ONNX Runtime ranks by distance (the reference query → DCA 33.6 km, BWI 34.5 km, IAD)', async () => {
    const { trainDeps, modelBucket } = deps(CSV);
    const { version } = await trainStores({ datasetKey: 'stores.csv' }, trainDeps);
    const onnx = modelBucket.objects.get(`models/stores/versions/${version}/model.onnx`);
    if (!(onnx instanceof Uint8Array)) throw new Error('model.onnx was not written as bytes');
    const ort = loadOrt();
    const session = await createSession(onnx);
    const out = await session.run({
      query: new ort.Tensor('float64', Float64Array.from(toUnitVector(39.153198, -77.066176)), [1, 3]),
      k: new ort.Tensor('int64', BigInt64Array.of(3n), [1]),
    });
    expect(Array.from(out.indices.data as BigInt64Array, Number)).toEqual([1, 0, 2]);
  });

  it('publishes a reference-schema catalog with content ids and its state column (stores.json keeps extra)', async () => {
    const csv =
      'state,location,address,latitude,longitude\n' +
      'Maryland,Wheaton,"11160 Veirs Mill Rd, Wheaton, MD 20902, US",39.0384,-77.0547\n';
    const { trainDeps, modelBucket } = deps(csv);
    const { version } = await trainStores({ datasetKey: 'stores.csv' }, trainDeps);
    const file = (name: string) => String(modelBucket.objects.get(`models/stores/versions/${version}/${name}`));
    expect(JSON.parse(file('stores.json'))).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: 'Wheaton',
        extra: { state: 'Maryland' },
      }),
    ]);
    expect(JSON.parse(file('metadata.json')).dataset).toMatchObject({
      schema: 'reference',
      ids: 'content',
      extraColumns: ['state'],
    });
  });

  it('throws NotFoundError when the dataset is not in the bucket', async () => {
    await expect(trainStores({ datasetKey: 'stores.csv' }, deps().trainDeps)).rejects.toThrow(NotFoundError);
  });

  it('throws ValidationError naming the problem for a file that is not a store list', async () => {
    const attempt = trainStores({ datasetKey: 'stores.csv' }, deps('iata,lat,lon\nBWI,39,-76\n').trainDeps);
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(/not a store list: the header must hold/);
  });

  it('throws ValidationError when no row has valid coordinates', async () => {
    const attempt = trainStores(
      { datasetKey: 'stores.csv' },
      deps('id,name,address,latitude,longitude\na,,,x,y\n').trainDeps,
    );
    await expect(attempt).rejects.toThrow(/no store with valid coordinates/);
  });
});
