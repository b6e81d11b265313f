import { toUnitVector } from '@serverless-ml/geo';
import type { InputSchema, InputTensor } from '@serverless-ml/model-store/contract';
import type { Ort } from '@serverless-ml/onnx';
import type { Cell } from './parse-invocation';

export type OrtTensor = InstanceType<Ort['Tensor']>;

/** `[N, columns]` row-major values of the given columns, as numbers or as strings. */
function gather<A extends { [i: number]: T }, T>(rows: Cell[][], columns: number[], out: A, as: (c: Cell) => T): A {
  let i = 0;
  for (const row of rows) {
    for (const column of columns) out[i++] = as(row[column]);
  }
  return out;
}

function tensorFor(rows: Cell[][], spec: InputTensor, columns: number[], ort: Ort): OrtTensor {
  const n = rows.length;
  if (spec.type === 'string') {
    return new ort.Tensor('string', gather(rows, columns, new Array<string>(n * columns.length), String), [
      n,
      columns.length,
    ]);
  }
  const Floats = spec.type === 'float32' ? Float32Array : Float64Array;
  if (spec.encoding === 'unit-vector') {
    // Degrees → the point on the unit sphere, with nearest-store's arithmetic (a query at a store is at 0 km).
    const values = new Floats(n * 3);
    rows.forEach((row, r) => {
      values.set(toUnitVector(Number(row[columns[0]]), Number(row[columns[1]])), r * 3);
    });
    return new ort.Tensor(spec.type, values, [n, 3]);
  }
  return new ort.Tensor(spec.type, gather(rows, columns, new Floats(n * columns.length), Number), [n, columns.length]);
}

/**
 * The ONNX Runtime inputs for parsed rows, as `input.tensors` describes them: each tensor
 * `[N, its features]` (float32, float64 or string) filled from the named columns in order, or
 * `[N, 3]` unit vectors from `[latitude, longitude]` for `encoding: 'unit-vector'`.
 */
export function buildFeeds(rows: Cell[][], schema: InputSchema, ort: Ort): Record<string, OrtTensor> {
  const index = new Map(schema.features.map((f, i) => [f.name, i]));
  const feeds: Record<string, OrtTensor> = {};
  for (const spec of schema.tensors) {
    // checkServable made sure, when the version was loaded, that every name is a feature.
    const columns = spec.features.map((name) => index.get(name) ?? -1);
    feeds[spec.name] = tensorFor(rows, spec, columns, ort);
  }
  return feeds;
}

/** The int64 `[1]` input a nearest-neighbours graph takes for how many neighbours to return. */
export function kFeed(k: number, ort: Ort): OrtTensor {
  return new ort.Tensor('int64', BigInt64Array.of(BigInt(k)), [1]);
}
