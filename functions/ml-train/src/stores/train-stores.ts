import { sha256Hex } from '@serverless-ml/datasets';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import type { MetadataDraft } from '@serverless-ml/model-store/contract';
import type { TrainDeps, TrainSummary } from '../train-types';
import { checkStoresModel } from './check-stores-model';
import { type ProblemReport, parseStoreCsv, type StoreCatalog } from './store-catalog-csv';
import { buildStoresModel, EARTH_RADIUS_KM, STORES_FORMULA } from './stores-onnx';

/** What trainStores answers: the summary plus the rows it left out, so the caller sees them. */
export interface StoresTrainSummary extends TrainSummary {
  invalidRows: ProblemReport;
  duplicateIds: ProblemReport;
}

function readCatalog(raw: Uint8Array, source: string): StoreCatalog {
  let catalog: StoreCatalog;
  try {
    catalog = parseStoreCsv(Buffer.from(raw).toString('utf8'));
  } catch (error) {
    throw new ValidationError(
      `dataset ${source} is not a store list: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      error,
    );
  }
  if (catalog.stores.length === 0) {
    throw new ValidationError(`dataset ${source} has no store with valid coordinates (${catalog.rows} rows)`, {
      invalidRows: catalog.invalidRows,
    });
  }
  return catalog;
}

/**
 * Builds the exact nearest-store model over every valid store of a `stores.csv` (no split:
 * any store can be an answer), checks it with ONNX Runtime and publishes it as `stores`.
 */
export async function trainStores(request: { datasetKey: string }, deps: TrainDeps): Promise<StoresTrainSummary> {
  const { log } = deps;
  const source = `s3://${deps.data.bucket}/${request.datasetKey}`;
  log(`[1/4] loading ${source}`);
  const raw = await deps.data.get(request.datasetKey);
  if (!raw) throw new NotFoundError(`dataset ${source} not found: upload data/ to the data bucket first`);
  const catalog = readCatalog(raw, source);
  const { stores, invalidRows, duplicateIds } = catalog;
  log(
    `[2/4] ${stores.length} stores (${catalog.schema} schema, ids from ${catalog.ids === 'column' ? 'the id column' : 'row content'}); ` +
      `left out: ${invalidRows.count} invalid rows` +
      `${invalidRows.count ? ` (lines ${invalidRows.first.map((p) => p.line).join(', ')}…)` : ''}, ` +
      `${duplicateIds.count} duplicate ids`,
  );
  const started = performance.now();
  const onnx = buildStoresModel(stores);
  const buildMs = performance.now() - started;

  log(`[3/4] checking with ONNX Runtime that every store is its own nearest (distance 0)`);
  const check = await checkStoresModel(onnx, stores);

  const metadata: MetadataDraft & Record<string, unknown> = {
    model: 'stores',
    task: 'nearest-neighbours',
    algorithm: 'exact-knn',
    algorithmDescription: 'exact k-nearest neighbours by great-circle distance (brute force over every store)',
    hyperParameters: {},
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
    seed: null, // nothing is drawn: the model is the catalog, in file order
    trainEvent: { model: 'stores', datasetKey: request.datasetKey },
    dataset: {
      key: request.datasetKey,
      sha256: sha256Hex(raw),
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
    onnx: {
      inputs: { query: ['N', 3], k: [1] },
      outputs: { chord2: ['N', 'k'], indices: ['N', 'k'] },
    },
    trainingMs: Math.round(buildMs * 10) / 10,
    codeVersion: deps.provenance.codeVersion,
    versions: deps.provenance.versions,
  };

  log(`[4/4] writing model, catalog and metadata`);
  const { pointer, keys } = await deps.models.publish('stores', [
    { name: 'model.onnx', body: onnx, contentType: 'application/octet-stream' },
    { name: 'stores.json', body: JSON.stringify(stores), contentType: 'application/json' },
    { name: 'metadata.json', body: JSON.stringify(metadata, null, 2), contentType: 'application/json' },
  ]);
  log(`model stores@${pointer.version} is now latest`);
  return {
    model: 'stores',
    version: pointer.version,
    metrics: { count: stores.length, invalid_rows: invalidRows.count, duplicate_ids: duplicateIds.count },
    keys,
    invalidRows,
    duplicateIds,
  };
}
