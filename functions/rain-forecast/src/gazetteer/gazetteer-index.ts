import { haversineKm as distanceKm } from '@serverless-ml/geo';
import type { GeoPoint } from '@serverless-ml/rain-model';

export interface GazetteerCity extends GeoPoint {
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  population: number;
}

const MAGIC = 'GAZ1';
const HEADER_BYTES = 16;

function prefixSums(lengths: Uint16Array): Uint32Array {
  const offsets = new Uint32Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) offsets[i + 1] = offsets[i] + lengths[i];
  return offsets;
}

/**
 * Read-only view of a gazetteer file (see gazetteer/build-gazetteer.cjs): typed arrays over the
 * bytes plus two decoded strings, so opening it costs milliseconds, not a parse of 135k objects.
 * Rows are sorted by normalised name key, then by population, largest first.
 */
export class GazetteerIndex {
  readonly size: number;
  private readonly lat: Int32Array;
  private readonly lon: Int32Array;
  private readonly population: Uint32Array;
  private readonly countries: Uint8Array;
  private readonly keys: string;
  private readonly names: string;
  private readonly keyAt: Uint32Array;
  private readonly nameAt: Uint32Array;

  private constructor(bytes: Uint8Array) {
    // Typed-array views need 4-byte alignment; a file read whole usually is, a pooled Buffer may not be.
    const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const header = new DataView(b.buffer, b.byteOffset, HEADER_BYTES);
    const magic = String.fromCharCode(...b.subarray(0, 4));
    if (magic !== MAGIC) throw new Error(`not a gazetteer file (magic "${magic}", expected "${MAGIC}")`);
    const n = header.getUint32(4, true);
    const keyBytes = header.getUint32(8, true);
    const nameBytes = header.getUint32(12, true);
    // 4 + 4 + 4 bytes of coordinates and population, 2 + 2 of name lengths, 2 of country per row.
    const expected = HEADER_BYTES + n * 18 + keyBytes + nameBytes;
    if (b.byteLength !== expected) {
      throw new Error(`gazetteer file is truncated or corrupt: ${b.byteLength} bytes, expected ${expected}`);
    }
    let at = b.byteOffset + HEADER_BYTES;
    const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, width: number): T => {
      const view = make(b.buffer, at, n);
      at += n * width;
      return view;
    };
    this.size = n;
    this.lat = take((buf, o, l) => new Int32Array(buf, o, l), 4);
    this.lon = take((buf, o, l) => new Int32Array(buf, o, l), 4);
    this.population = take((buf, o, l) => new Uint32Array(buf, o, l), 4);
    this.keyAt = prefixSums(take((buf, o, l) => new Uint16Array(buf, o, l), 2));
    this.nameAt = prefixSums(take((buf, o, l) => new Uint16Array(buf, o, l), 2));
    this.countries = take((buf, o, l) => new Uint8Array(buf, o, l * 2), 2);
    const decoder = new TextDecoder();
    this.keys = decoder.decode(new Uint8Array(b.buffer, at, keyBytes));
    this.names = decoder.decode(new Uint8Array(b.buffer, at + keyBytes, nameBytes));
    if (this.keyAt[n] !== this.keys.length || this.nameAt[n] !== this.names.length)
      throw new Error('gazetteer file is truncated or corrupt (name lengths do not add up)');
  }

  /** Opens gazetteer bytes (throws on anything that is not a complete gazetteer file). */
  static fromBytes(bytes: Uint8Array): GazetteerIndex {
    return new GazetteerIndex(bytes);
  }

  /** The normalised name key of row `i`. */
  key(i: number): string {
    return this.keys.slice(this.keyAt[i], this.keyAt[i + 1]);
  }

  /** Row `i` as a city. */
  city(i: number): GazetteerCity {
    return {
      name: this.names.slice(this.nameAt[i], this.nameAt[i + 1]),
      country: String.fromCharCode(this.countries[2 * i], this.countries[2 * i + 1]),
      population: this.population[i],
      latitude: this.lat[i] / 1e5,
      longitude: this.lon[i] / 1e5,
    };
  }

  /** First row whose key is ≥ `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.key(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rows whose key starts with `prefix` (the whole key when `exact`), largest population first within a key. */
  rows(prefix: string, exact = false): number[] {
    const found: number[] = [];
    for (let i = this.lowerBound(prefix); i < this.size; i++) {
      const key = this.key(i);
      if (exact ? key !== prefix : !key.startsWith(prefix)) break;
      found.push(i);
    }
    return found;
  }

  /** The row nearest to `point`, with its great-circle distance. */
  nearest(point: GeoPoint): { row: number; distanceKm: number } {
    // Scan with the equirectangular approximation (no trigonometry per row), then measure the winner exactly.
    const lat = point.latitude * 1e5;
    const lon = point.longitude * 1e5;
    const squeeze = Math.cos((point.latitude * Math.PI) / 180) ** 2;
    let best = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.size; i++) {
      const dLat = this.lat[i] - lat;
      const dLon = ((((this.lon[i] - lon) % 36e6) + 54e6) % 36e6) - 18e6;
      const score = dLat * dLat + dLon * dLon * squeeze;
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return { row: best, distanceKm: distanceKm(point, this.city(best)) };
  }
}
