import { EARTH_RADIUS_KM, toUnitVector } from '@serverless-ml/geo';
import { buildModel, doubleTensor, node } from '@serverless-ml/onnx/graph';

// ONNX TensorProto.DataType codes (onnx-proto stays a dependency of packages/onnx only).
const DOUBLE = 11;
const INT64 = 7;

// The same arithmetic nearest-store serves with; re-exported for the rest of the stores trainer.
export { EARTH_RADIUS_KM, toUnitVector };

/** How the model ranks, recorded in metadata.json. */
export const STORES_FORMULA =
  'chord2 = (sx-qx)^2 + (sy-qy)^2 + (sz-qz)^2 over unit vectors, float64; TopK(k, largest=0); ' +
  `distance_km = 2 * ${EARTH_RADIUS_KM} * asin(sqrt(chord2) / 2)`;

/**
 * An exact nearest-store model: every store as a float64 unit vector, squared chord lengths
 * to the query, the k smallest. Great-circle distance grows with the chord, so the order is
 * exact. The differences are taken per coordinate (not 2 − 2·dot, whose cancellation blurs
 * stores metres apart) and in float64 (float32 resolves ~2 km); ORT has no float64 Asin,
 * so the caller turns chord² into kilometres.
 *
 * In: `query` float64 [N, 3] unit vectors, `k` int64 [1] (1..store count).
 * Out: `chord2` float64 [N, k] ascending, `indices` int64 [N, k] (rows of the catalog).
 */
export function buildStoresModel(stores: { latitude: number; longitude: number }[]): Uint8Array {
  const m = stores.length;
  const vectors = stores.map((s) => toUnitVector(s.latitude, s.longitude));
  // One [1, m] row per coordinate: three flat element-wise ops beat a reduction over a size-3 axis (~45 vs ~90 µs).
  const column = (c: number) =>
    doubleTensor(
      `stores_${'xyz'[c]}`,
      [1, m],
      vectors.map((v) => v[c]),
    );
  return buildModel({
    name: 'nearest_stores',
    docString: `Exact k nearest of ${m} stores by great-circle distance. ${STORES_FORMULA}`,
    nodes: [
      node('Split', ['query'], ['qx', 'qy', 'qz'], { axis: 1 }),
      ...['x', 'y', 'z'].flatMap((c) => [
        node('Sub', [`stores_${c}`, `q${c}`], [`d${c}`]),
        node('Mul', [`d${c}`, `d${c}`], [`d${c}2`]),
      ]),
      node('Sum', ['dx2', 'dy2', 'dz2'], ['chord2_all']),
      node('TopK', ['chord2_all', 'k'], ['chord2', 'indices'], { axis: 1, largest: 0, sorted: 1 }),
    ],
    initializers: [column(0), column(1), column(2)],
    inputs: [
      { name: 'query', elemType: DOUBLE, shape: ['N', 3] },
      { name: 'k', elemType: INT64, shape: [1] },
    ],
    outputs: [
      { name: 'chord2', elemType: DOUBLE, shape: ['N', 'k'] },
      { name: 'indices', elemType: INT64, shape: ['N', 'k'] },
    ],
    metadata: { stores: String(m), formula: STORES_FORMULA },
  });
}
