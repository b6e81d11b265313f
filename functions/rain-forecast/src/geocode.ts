import { NotFoundError } from '@serverless-ml/errors';
import type { GeoPoint } from '@serverless-ml/rain-model';
import { normalizeName } from '../gazetteer/normalize-name.cjs';
import { countryCode, countryName } from './countries';
import { closeMatches } from './gazetteer/close-matches';
import type { GazetteerCity, GazetteerIndex } from './gazetteer/gazetteer-index';

/** What the client asked for: a city name (optionally narrowed by country) or a point. */
export type PlaceQuery = { kind: 'city'; city: string; country?: string } | ({ kind: 'point' } & GeoPoint);

/** The place a forecast is for. */
export interface ResolvedPlace extends GeoPoint {
  name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  countryName?: string;
  population: number;
  /** `city`: found by name; `nearest`: the named city nearest to the requested point. */
  match: 'city' | 'nearest';
  /** For `nearest`: how far the named city is from the requested point (which the forecast is for), km. */
  distanceKm?: number;
}

/** Finds the place a query means. */
export interface Geocoder {
  locate(query: PlaceQuery): Promise<ResolvedPlace>;
}

const label = (city: GazetteerCity) => `${city.name} (${city.country})`;

/** Offline geocoding on the GeoNames gazetteer: the most populous exact match, "X" also finding "X City". */
export class GazetteerGeocoder implements Geocoder {
  constructor(private readonly index: () => GazetteerIndex) {}

  async locate(query: PlaceQuery): Promise<ResolvedPlace> {
    return query.kind === 'city' ? this.byName(query.city, query.country) : this.nearest(query);
  }

  private byName(city: string, country?: string): ResolvedPlace {
    const index = this.index();
    const key = normalizeName(city);
    const code = country === undefined ? undefined : countryCode(country);
    // GeoNames names New York "New York City" (and Mexico City, Quebec City, …).
    let rows = index.rows(key, true);
    if (rows.length === 0) rows = index.rows(`${key} city`, true);
    const cities = rows.map((r) => index.city(r));
    // Rows are sorted by population within a key: the first match is the most populous.
    const best = code === undefined ? cities[0] : cities.find((c) => c.country === code);
    if (best) return { ...best, countryName: countryName(best.country), match: 'city' };
    if (code !== undefined && cities.length > 0) {
      const elsewhere = [...new Set(cities.map((c) => c.country))].slice(0, 8).join(', ');
      throw new NotFoundError(`no city named "${city}" in ${countryName(code) ?? code}; there is one in ${elsewhere}`);
    }
    const close = closeMatches(index, key, 5).map(label);
    throw new NotFoundError(
      `no city named "${city}" in the gazetteer (GeoNames cities of 1000 people or more)` +
        (close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''),
    );
  }

  private nearest(point: GeoPoint): ResolvedPlace {
    const index = this.index();
    const { row, distanceKm } = index.nearest(point);
    const city = index.city(row);
    return {
      ...city,
      countryName: countryName(city.country),
      latitude: point.latitude,
      longitude: point.longitude,
      match: 'nearest',
      distanceKm: Math.round(distanceKm * 10) / 10,
    };
  }
}
