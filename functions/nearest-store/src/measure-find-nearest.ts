// Per-query latency of the warm path (validated query → ONNX Runtime → JSON-ready result):
//   pnpm --filter @serverless-ml/nearest-store measure   (builds the model from data/stores.csv)
import { findNearestStores } from './find-nearest-stores';
import type { StoreIndex } from './store-index-cache';

export interface FindNearestTiming {
  queries: number;
  stores: number;
  k: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
}

/** Times `findNearestStores` one query at a time (uniform on the sphere) after a warm-up. */
export async function measureFindNearest(index: StoreIndex, queries = 5000, k = 5): Promise<FindNearestTiming> {
  const point = () => ({
    latitude: (Math.asin(2 * Math.random() - 1) * 180) / Math.PI,
    longitude: 360 * Math.random() - 180,
    k,
  });
  for (let i = 0; i < Math.min(500, queries); i++) await findNearestStores(point(), index);
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const query = point();
    const started = performance.now();
    await findNearestStores(query, index);
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  const round = (us: number) => Math.round(us * 10) / 10;
  return {
    queries,
    stores: index.catalog.length,
    k,
    meanUs: round(times.reduce((a, b) => a + b, 0) / queries),
    p50Us: round(times[Math.floor(queries * 0.5)]),
    p99Us: round(times[Math.floor(queries * 0.99)]),
  };
}

async function main() {
  const { readFileSync } = await import('node:fs');
  const { createSession } = await import('@serverless-ml/onnx');
  // Script only: the trainer's own code builds the model, as ml-train would publish it.
  const { parseStoreCsv } = await import('../../ml-train/src/stores/store-catalog-csv');
  const { buildStoresModel } = await import('../../ml-train/src/stores/stores-onnx');
  const catalog = parseStoreCsv(readFileSync(`${__dirname}/../../../data/stores.csv`, 'utf8')).stores;
  const session = await createSession(buildStoresModel(catalog));
  console.log(await measureFindNearest({ modelVersion: 'local', session, catalog }, 20000, 5));
}

if (require.main === module) void main();
