import { createHash } from 'node:crypto';
import type { InputSchema, ModelMetadata, ModelTask, OutputSchema } from '@serverless-ml/model-store/contract';
import { buildModel, doubleTensor, floatTensor, int64Tensor, node } from '@serverless-ml/onnx/graph';
import { buildStoresModel } from '../../ml-train/src/stores/stores-onnx';

// Tiny models, one per task, with metadata.json by the contract (packages/model-store/src/model-contract.ts)
// and answers that can be worked out by hand. They run in the real ONNX Runtime.

const FLOAT = 1;
const INT64 = 7;
const STRING = 8;
const DOUBLE = 11;

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const size = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length);

export interface FixtureModel {
  name: string;
  version: string;
  onnx: Uint8Array;
  metadata: ModelMetadata;
  /** Files of the version besides model.onnx and metadata.json (the stores catalog). */
  extra: Record<string, string>;
}

interface Draft {
  name: string;
  task: ModelTask;
  input: InputSchema;
  output: OutputSchema;
  onnx: Uint8Array;
  extra?: Record<string, string>;
  version?: string;
}

/** Fills in what every metadata.json holds, with the artifacts' real sizes and sha256. */
function fixture({ name, task, input, output, onnx, extra = {}, version = '2026-01-01T00-00-00-000Z-aaaaaa' }: Draft) {
  const files: Record<string, Uint8Array | string> = { 'model.onnx': onnx, ...extra };
  const metadata: ModelMetadata = {
    model: name,
    version,
    task,
    algorithm: 'fixture',
    hyperParameters: {},
    seed: null,
    input,
    output,
    metrics: {},
    baselines: {},
    dataset: { key: `${name}.csv`, sha256: sha256(name), rows: 1, trainRows: 1, testRows: 0 },
    onnx: { sha256: sha256(onnx) },
    artifacts: Object.entries(files).map(([file, bytes]) => ({
      name: file,
      sha256: sha256(bytes),
      size: size(bytes),
      contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    })),
    trainEvent: { model: name },
    codeVersion: 'test',
    versions: {},
    trainingMs: 0,
    trainedAt: '2026-01-01T00:00:00.000Z',
  };
  return { name, version, onnx, metadata, extra };
}

/**
 * Regression like housing: `numeric` float32 [N, 3] (total_bedrooms nullable, imputed as 0) and
 * `ocean_proximity` string [N, 1] → `variable` [N, 1] =
 * longitude + 10·total_bedrooms + 100·median_income + 1000/2000/3000 for <1H OCEAN/INLAND/NEAR BAY.
 */
export function housingModel(version?: string, name = 'housing'): FixtureModel {
  const categories = ['<1H OCEAN', 'INLAND', 'NEAR BAY'];
  const onnx = buildModel({
    name: 'housing_fixture',
    opsetVersion: 19, // Equal on strings
    inputs: [
      { name: 'numeric', elemType: FLOAT, shape: ['N', 3] },
      { name: 'ocean_proximity', elemType: STRING, shape: ['N', 1] },
    ],
    outputs: [{ name: 'variable', elemType: FLOAT, shape: ['N', 1] }],
    initializers: [
      floatTensor('zero', [], [0]),
      floatTensor('weights', [3, 1], [1, 10, 100]),
      floatTensor('category_values', [3, 1], [1000, 2000, 3000]),
      { name: 'categories', dims: [1, 3], dataType: STRING, stringData: categories.map((c) => Buffer.from(c)) },
    ],
    nodes: [
      node('IsNaN', ['numeric'], ['missing']),
      node('Where', ['missing', 'zero', 'numeric'], ['imputed']),
      node('MatMul', ['imputed', 'weights'], ['linear']),
      node('Equal', ['ocean_proximity', 'categories'], ['is_category']),
      node('Cast', ['is_category'], ['one_hot'], { to: FLOAT }),
      node('MatMul', ['one_hot', 'category_values'], ['category_part']),
      node('Add', ['linear', 'category_part'], ['variable']),
    ],
  });
  return fixture({
    name,
    task: 'regression',
    version,
    onnx,
    input: {
      features: [
        { name: 'longitude', type: 'number' },
        { name: 'total_bedrooms', type: 'number', nullable: true },
        { name: 'median_income', type: 'number' },
        { name: 'ocean_proximity', type: 'category', categories },
      ],
      tensors: [
        { name: 'numeric', type: 'float32', features: ['longitude', 'total_bedrooms', 'median_income'] },
        { name: 'ocean_proximity', type: 'string', features: ['ocean_proximity'] },
      ],
    },
    output: { tensor: 'variable', name: 'median_house_value' },
  });
}

/**
 * Classification like digits: `input` float32 [N, 4] (pixel_0..pixel_3) → `votes` [N, 3] (the first
 * three pixels) and `label` int64 [N], the index of the most votes; classes 0, 1, 2.
 */
export function digitsModel(version?: string): FixtureModel {
  const pixels = ['pixel_0', 'pixel_1', 'pixel_2', 'pixel_3'];
  const onnx = buildModel({
    name: 'digits_fixture',
    inputs: [{ name: 'input', elemType: FLOAT, shape: ['N', 4] }],
    outputs: [
      { name: 'label', elemType: INT64, shape: ['N'] },
      { name: 'votes', elemType: FLOAT, shape: ['N', 3] },
    ],
    initializers: [floatTensor('weights', [4, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])],
    nodes: [
      node('MatMul', ['input', 'weights'], ['votes']),
      node('ArgMax', ['votes'], ['label'], { axis: 1, keepdims: 0 }),
    ],
  });
  return fixture({
    name: 'digits',
    task: 'classification',
    version,
    onnx,
    input: {
      features: pixels.map((name) => ({ name, type: 'number' as const })),
      tensors: [{ name: 'input', type: 'float32', features: pixels }],
    },
    output: { tensor: 'label', name: 'label', classes: [0, 1, 2] },
  });
}

/** Classification whose answer tensor is the scores, float64 `[N, 3]` (= the two inputs and their sum), with string classes. */
export function irisModel(version?: string): FixtureModel {
  const onnx = buildModel({
    name: 'iris_fixture',
    inputs: [{ name: 'measurements', elemType: DOUBLE, shape: ['N', 2] }],
    outputs: [{ name: 'scores', elemType: DOUBLE, shape: ['N', 3] }],
    initializers: [doubleTensor('weights', [2, 3], [1, 0, 1, 0, 1, 1])],
    nodes: [node('MatMul', ['measurements', 'weights'], ['scores'])],
  });
  return fixture({
    name: 'iris',
    task: 'classification',
    version,
    onnx,
    input: {
      features: [
        { name: 'petal_length', type: 'number' },
        { name: 'petal_width', type: 'number' },
      ],
      tensors: [{ name: 'measurements', type: 'float64', features: ['petal_length', 'petal_width'] }],
    },
    output: { tensor: 'scores', name: 'species', classes: ['setosa', 'versi,color', 'vir"ginica'] },
  });
}

/** Binary classification like rain: `features` float32 [N, 2] → `probability` [N] = sigmoid(wet − dry). */
export function rainModel(): FixtureModel {
  const onnx = buildModel({
    name: 'rain_fixture',
    inputs: [{ name: 'features', elemType: FLOAT, shape: ['N', 2] }],
    outputs: [{ name: 'probability', elemType: FLOAT, shape: ['N'] }],
    initializers: [floatTensor('weights', [2, 1], [1, -1]), int64Tensor('flat', [1], [-1])],
    nodes: [
      node('MatMul', ['features', 'weights'], ['margin']),
      node('Sigmoid', ['margin'], ['column']),
      node('Reshape', ['column', 'flat'], ['probability']),
    ],
  });
  return fixture({
    name: 'rain',
    task: 'binary-classification',
    onnx,
    input: {
      features: [
        { name: 'wet', type: 'number' },
        { name: 'dry', type: 'number' },
      ],
      tensors: [{ name: 'features', type: 'float32', features: ['wet', 'dry'] }],
    },
    output: { tensor: 'probability', name: 'rain_tomorrow' },
  });
}

/** Three stores of data/stores.csv (the second with an extra column). */
export const STORES = [
  {
    id: 'GAI',
    name: 'Montgomery Co Airpark',
    address: 'Gaithersburg, MD, USA',
    latitude: 39.16833611,
    longitude: -77.166,
  },
  {
    id: 'DCA',
    name: 'Ronald Reagan Washington National',
    address: 'Arlington, VA, USA',
    latitude: 38.85208333,
    longitude: -77.03772222,
    extra: { state: 'VA' },
  },
  { id: 'ADK', name: 'Adak', address: 'Adak, AK, USA', latitude: 51.87796389, longitude: -176.6460306 },
];

/** Nearest-neighbours: ml-train's own stores graph over STORES, with its catalog. */
export function storesModel(catalog = JSON.stringify(STORES)): FixtureModel {
  return fixture({
    name: 'stores',
    task: 'nearest-neighbours',
    onnx: buildStoresModel(STORES),
    extra: { 'stores.json': catalog },
    input: {
      features: [
        { name: 'latitude', type: 'number' },
        { name: 'longitude', type: 'number' },
      ],
      tensors: [{ name: 'query', type: 'float64', features: ['latitude', 'longitude'], encoding: 'unit-vector' }],
    },
    output: { tensor: 'indices', name: 'store' },
  });
}

/** Writes a version (its files, then metadata.json) into a bucket's objects and, with `promote`, points latest.json at it. */
export function storeVersion(objects: Map<string, Uint8Array>, model: FixtureModel, promote = true): void {
  const prefix = `models/${model.name}/versions/${model.version}/`;
  const put = (key: string, body: Uint8Array | string) =>
    objects.set(key, typeof body === 'string' ? new TextEncoder().encode(body) : body);
  put(`${prefix}model.onnx`, model.onnx);
  for (const [file, body] of Object.entries(model.extra)) put(prefix + file, body);
  put(`${prefix}metadata.json`, JSON.stringify(model.metadata));
  if (!promote) return;
  const pointer = {
    model: model.name,
    version: model.version,
    prefix,
    modelSha256: model.metadata.onnx.sha256,
    publishedAt: '2026-01-01T00:00:01.000Z',
    history: [],
  };
  put(`models/${model.name}/latest.json`, JSON.stringify(pointer));
}
