import { seededRandom } from '../../functions/ml-train/src/rain/seeded-random';
import { EARTH_RADIUS_KM, findNearestStores, type Store, type StoreIndex } from '../../functions/nearest-store/src';

export interface Neighbour {
  index: number;
  km: number;
}

const RAD = Math.PI / 180;

/**
 * The reference: the k nearest stores by the haversine formula over every store, nearest first
 * (equal distances in catalog order). Independent of the model's unit-vector/chord arithmetic.
 */
export function bruteForceNearest(catalog: readonly Store[], latitude: number, longitude: number, k: number) {
  const phi = latitude * RAD;
  const cosPhi = Math.cos(phi);
  const best: Neighbour[] = [];
  for (let i = 0; i < catalog.length; i++) {
    const s = catalog[i];
    const dPhi = s.latitude * RAD - phi;
    const dLambda = (s.longitude - longitude) * RAD;
    const h = Math.sin(dPhi / 2) ** 2 + cosPhi * Math.cos(s.latitude * RAD) * Math.sin(dLambda / 2) ** 2;
    const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    if (best.length === k && km >= best[k - 1].km) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].km > km) at--;
    best.splice(at, 0, { index: i, km });
    if (best.length > k) best.pop();
  }
  return best;
}

/** A point uniform on the sphere (not on the lat/long rectangle, which crowds the poles). */
export function uniformPoint(random: () => number) {
  return { latitude: Math.asin(2 * random() - 1) / RAD, longitude: 360 * random() - 180 };
}

/** Distances agree when they round to the same millimetre, or differ by that rounding step alone. */
const MM_KM = 1e-6;

/**
 * Share of `queries` random points whose k nearest stores from the model (findNearestStores:
 * ONNX Runtime, real session) have the same ids in the same order as the brute-force haversine
 * search, each distance within 1 mm (the answer's resolution). Mismatches are kept as examples.
 */
export async function measureAgreement(index: StoreIndex, queries: number, k: number, seed = 20261122) {
  const random = seededRandom(seed);
  let agreed = 0;
  let maxDiffKm = 0;
  const examples: string[] = [];
  for (let q = 0; q < queries; q++) {
    const point = uniformPoint(random);
    const answer = await findNearestStores({ ...point, k }, index);
    const reference = bruteForceNearest(index.catalog, point.latitude, point.longitude, k);
    let same = answer.stores.length === reference.length;
    for (let r = 0; same && r < reference.length; r++) {
      const diff = Math.abs(answer.stores[r].distance_km - reference[r].km);
      maxDiffKm = Math.max(maxDiffKm, diff);
      same = answer.stores[r].id === index.catalog[reference[r].index].id && diff <= MM_KM;
    }
    if (same) agreed++;
    else if (examples.length < 5) {
      const model = answer.stores.map((s) => `${s.id}@${s.distance_km}`).join(',');
      const brute = reference.map((n) => `${index.catalog[n.index].id}@${n.km.toFixed(6)}`).join(',');
      examples.push(
        `(${point.latitude.toFixed(5)}, ${point.longitude.toFixed(5)}): model ${model}; haversine ${brute}`,
      );
    }
  }
  return { agreement: agreed / queries, agreed, queries, k, maxDiffKm, examples };
}
