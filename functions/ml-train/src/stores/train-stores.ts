import { ValidationError } from '@serverless-ml/errors';
import { storeMapSpec, storesOnMap } from '@serverless-ml/plots';
import type { TrainDeps, TrainSummary } from '../train-types';
import { runTrainer, type Trainer } from '../trainer-pipeline';
import { checkStoresModel } from './check-stores-model';
import { type ProblemReport, parseStoreCsv, type StoreCatalog } from './store-catalog-csv';
import { buildStoresModel, EARTH_RADIUS_KM, STORES_FORMULA } from './stores-onnx';

/** What trainStores answers: the summary plus the rows it left out, so the caller sees them. */
export interface StoresTrainSummary extends TrainSummary {
  invalidRows: ProblemReport;
  duplicateIds: ProblemReport;
}

function readCatalog(raw: Uint8Array): StoreCatalog {
  const catalog = parseStoreCsv(Buffer.from(raw).toString('utf8'));
  if (catalog.stores.length === 0) {
    throw new ValidationError(`it has no store with valid coordinates (${catalog.rows} rows)`, {
      invalidRows: catalog.invalidRows,
    });
  }
  return catalog;
}

/**
 * The exact nearest-store model over every valid store of a `stores.csv` (no split: any store
 * can be an answer), checked with ONNX Runtime, as a trainer of the pipeline.
 */
export const storesTrainer: Trainer<StoreCatalog> = {
  model: 'stores',
  datasetKind: 'a store list',
  parse: readCatalog,
  describe: (catalog) =>
    `${catalog.stores.length} stores (${catalog.schema} schema, ids from ${catalog.ids === 'column' ? 'the id column' : 'row content'}); ` +
    `left out: ${catalog.invalidRows.count} invalid rows` +
    `${catalog.invalidRows.count ? ` (lines ${catalog.invalidRows.first.map((p) => p.line).join(', ')}…)` : ''}, ` +
    `${catalog.duplicateIds.count} duplicate ids`,
  train: async (catalog, dataset, log) => {
    const { stores, invalidRows, duplicateIds } = catalog;
    const started = performance.now();
    const onnx = buildStoresModel(stores);
    const buildMs = performance.now() - started;
    log('[evaluate] checking with ONNX Runtime that every store is its own nearest (distance 0)');
    const check = await checkStoresModel(onnx, stores);
    return {
      onnx,
      metadata: {
        task: 'nearest-neighbours',
        algorithm: 'exact-knn',
        algorithmDescription: 'exact k-nearest neighbours by great-circle distance (brute force over every store)',
        hyperParameters: {},
        seed: null, // nothing is drawn: the model is the catalog, in file order
        input: {
          features: [
            { name: 'latitude', type: 'number', description: 'degrees north, -90..90' },
            { name: 'longitude', type: 'number', description: 'degrees east, -180..180' },
          ],
          tensors: [{ name: 'query', type: 'float64', features: ['latitude', 'longitude'], encoding: 'unit-vector' }],
        },
        output: { tensor: 'indices', name: 'store', description: 'indices into stores.json, nearest first' },
        // Nothing is held out (any store can be an answer): the figures are the catalog's.
        metrics: { count: stores.length, invalid_rows: invalidRows.count, duplicate_ids: duplicateIds.count },
        baselines: {},
        formula: STORES_FORMULA,
        earthRadiusKm: EARTH_RADIUS_KM,
        count: stores.length,
        maxK: stores.length,
        dataset: {
          key: dataset.key,
          sha256: dataset.sha256,
          schema: catalog.schema,
          rows: catalog.rows,
          trainRows: stores.length,
          testRows: 0,
          invalidRows: invalidRows.count,
          // `content`: each id is contentStoreId's hash of name, address and coordinates.
          ids: catalog.ids,
          extraColumns: catalog.extraColumns,
        },
        invalidRows,
        duplicateIds,
        check,
        trainingMs: Math.round(buildMs * 10) / 10,
        onnx: {
          inputs: { query: ['N', 3], k: [1] },
          outputs: { chord2: ['N', 'k'], indices: ['N', 'k'] },
        },
      },
      artifacts: [{ name: 'stores.json', body: JSON.stringify(stores), contentType: 'application/json' }],
      plots: [{ id: 'store-map', title: 'The store catalog on a map', spec: storeMapSpec(await storesOnMap(stores)) }],
      details: { invalidRows, duplicateIds },
    };
  },
};

/** Builds, checks and publishes the stores model through the trainer pipeline. */
export async function trainStores(request: { datasetKey: string }, deps: TrainDeps): Promise<StoresTrainSummary> {
  return (await runTrainer(storesTrainer, request, deps)) as StoresTrainSummary;
}
