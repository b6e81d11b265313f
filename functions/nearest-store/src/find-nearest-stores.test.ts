import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EARTH_RADIUS_KM } from '@serverless-ml/geo';
import { createSession, type OrtSession } from '@serverless-ml/onnx';
import { seededRandom } from '../../ml-train/src/rain/seeded-random';
// The served model is the trainer's: build it from the committed sample catalog, as ml-train does.
import { parseStoreCsv } from '../../ml-train/src/stores/store-catalog-csv';
import * as trainer from '../../ml-train/src/stores/stores-onnx';
import { findNearestStores } from './find-nearest-stores';
import type { Store } from './store-catalog';

const catalog: Store[] = parseStoreCsv(readFileSync(join(__dirname, '../../../data/stores.csv'), 'utf8')).stores;
let session: OrtSession;
const index = () => ({ session, catalog, modelVersion: 'test' });

beforeAll(async () => {
  session = await createSession(trainer.buildStoresModel(catalog));
});

// Local aliases: in jest's vm sandbox every `Math.` is a slow global lookup (~10× on this loop).
const { asin, cos, min, sin, sqrt } = Math;
const RAD = Math.PI / 180;
const storeLat = catalog.map((s) => s.latitude * RAD);
const storeLon = catalog.map((s) => s.longitude * RAD);

/** The textbook haversine distance (radians in): the independent brute-force reference. */
function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = sin((lat2 - lat1) / 2);
  const b = sin((lon2 - lon1) / 2);
  const h = a * a + cos(lat1) * cos(lat2) * b * b;
  return 2 * EARTH_RADIUS_KM * asin(min(1, sqrt(h)));
}

/** Brute force: every store's haversine distance, and the k nearest (ties by catalog order). */
function bruteForce(latitude: number, longitude: number, k: number) {
  const d = storeLat.map((lat, i) => haversineKm(latitude * RAD, longitude * RAD, lat, storeLon[i]));
  const kth = d.slice().sort((a, b) => a - b)[k - 1];
  const nearest: number[] = [];
  for (let i = 0; i < d.length; i++) if (d[i] <= kth) nearest.push(i);
  nearest.sort((a, b) => d[a] - d[b] || a - b);
  return { d, nearest: nearest.slice(0, k) };
}

/** Checks one answer against a brute-force search over every store; returns the answer. */
async function expectAgreement(latitude: number, longitude: number, k: number) {
  const { stores } = await findNearestStores({ latitude, longitude, k }, index());
  const { d, nearest } = bruteForce(latitude, longitude, k);
  const problems = stores.flatMap((store, rank) => {
    const expected = catalog[nearest[rank]];
    const own = haversineKm(latitude * RAD, longitude * RAD, store.latitude * RAD, store.longitude * RAD);
    const out: string[] = [];
    if (Math.abs(store.distance_km - d[nearest[rank]]) > 1e-6)
      out.push(`rank ${rank}: ${store.distance_km} km, brute force ${d[nearest[rank]]} km`);
    // The same store, or one exactly as far (a tie, in either order).
    if (store.id !== expected.id && Math.abs(own - d[nearest[rank]]) > 1e-9)
      out.push(`rank ${rank}: ${store.id}, brute force ${expected.id}`);
    return out;
  });
  expect({ query: [latitude, longitude], problems }).toEqual({ query: [latitude, longitude], problems: [] });
  expect(stores).toHaveLength(k);
  return stores;
}

describe('findNearestStores', () => {
  it(`agrees with brute-force haversine on 3000 queries uniform on the sphere (${catalog.length} stores)`, async () => {
    const random = seededRandom(42);
    for (let i = 0; i < 3000; i++) {
      const latitude = (Math.asin(2 * random() - 1) * 180) / Math.PI;
      await expectAgreement(latitude, 360 * random() - 180, i % 10 === 0 ? 50 : 5);
    }
  });

  it.each([
    [89.9, 0],
    [89.9, -150],
    [-89.9, 45],
    [-89.9, 179.99],
    [90, 0],
    [-90, 0],
  ])('agrees with brute force near the poles (%f, %f)', async (lat, lon) => {
    await expectAgreement(lat, lon, 10);
  });

  it('finds the Aleutians across the antimeridian (Adak from 179.99 E)', async () => {
    const east = await expectAgreement(51.88, 179.99, 3);
    const west = await expectAgreement(51.88, -179.99, 3);
    expect(east[0].id).toBe('ADK');
    expect(west[0].id).toBe('ADK');
    await expectAgreement(52, 180, 5);
    await expectAgreement(52, -180, 5);
  });

  it('answers a query exactly at a store with that store at 0 km', async () => {
    for (const store of catalog.filter((_, i) => i % 97 === 0)) {
      const [first] = await expectAgreement(store.latitude, store.longitude, 2);
      expect(first).toEqual({ ...store, distance_km: 0 });
    }
  });

  it('answers the reference query with stores sorted by distance, and its model version', async () => {
    const result = await findNearestStores({ latitude: 39.153198, longitude: -77.066176, k: 3 }, index());
    expect(result).toMatchObject({ query: { latitude: 39.153198, longitude: -77.066176 }, k: 3, modelVersion: 'test' });
    // Expected figures from an independent haversine in Python over data/stores.csv.
    expect(result.stores.map((s) => [s.id, s.distance_km])).toEqual([
      ['GAI', 8.7697],
      ['CGS', 22.862221],
      ['FME', 27.517227],
    ]);
  });

  it('returns every store when k exceeds a small catalog', async () => {
    const small = catalog.slice(0, 3);
    const smallIndex = {
      session: await createSession(trainer.buildStoresModel(small)),
      catalog: small,
      modelVersion: 's',
    };
    const result = await findNearestStores({ latitude: 0, longitude: 0, k: 50 }, smallIndex);
    expect(result.k).toBe(3);
    expect(result.stores).toHaveLength(3);
  });

  it('refuses to answer when the catalog is shorter than the model', async () => {
    const short = { ...index(), catalog: catalog.slice(0, 10) };
    await expect(findNearestStores({ latitude: 0, longitude: 0, k: 5 }, short)).rejects.toThrow(/catalog has 10/);
  });
});
