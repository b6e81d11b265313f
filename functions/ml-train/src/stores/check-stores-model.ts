import { createSession, loadOrt } from '@serverless-ml/onnx';
import { toUnitVector } from './stores-onnx';

const BATCH = 256;

/**
 * Runs the exported model in ONNX Runtime with every store's own location as the query:
 * each must come back at distance exactly 0 — proof the model holds every store, in float64.
 */
export async function checkStoresModel(
  model: Uint8Array,
  stores: { latitude: number; longitude: number }[],
): Promise<{ queries: number; selfMatches: number; ms: number }> {
  const ort = loadOrt();
  const started = performance.now();
  const session = await createSession(model);
  let selfMatches = 0;
  try {
    const k = new ort.Tensor('int64', BigInt64Array.of(1n), [1]);
    for (let from = 0; from < stores.length; from += BATCH) {
      const batch = stores.slice(from, from + BATCH);
      const query = Float64Array.from(batch.flatMap((s) => toUnitVector(s.latitude, s.longitude)));
      const out = await session.run({ query: new ort.Tensor('float64', query, [batch.length, 3]), k });
      const chord2 = out.chord2.data;
      if (!(chord2 instanceof Float64Array)) throw new Error(`chord2 is ${out.chord2.type}, expected float64`);
      selfMatches += chord2.filter((c) => c === 0).length;
    }
  } finally {
    await session.release();
  }
  if (selfMatches !== stores.length) {
    throw new Error(`the exported model finds only ${selfMatches} of ${stores.length} stores at their own location`);
  }
  return { queries: stores.length, selfMatches, ms: Math.round(performance.now() - started) };
}
