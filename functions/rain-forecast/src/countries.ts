import { ValidationError } from '@serverless-ml/errors';
// 7 KB of English names and aliases ("USA", "UK", "Ivory Coast"); the package's own entry
// point would also load every code table and a diacritics library (~25 ms at cold start).
import english from 'i18n-iso-countries/langs/en.json';
import { normalizeName } from '../gazetteer/normalize-name.cjs';

const NAMES: Record<string, string | string[]> = english.countries;
let byName: Map<string, string> | undefined;

function codesByName(): Map<string, string> {
  byName ??= new Map(
    Object.entries(NAMES).flatMap(([code, names]) =>
      [names].flat().map((name) => [normalizeName(name), code] as const),
    ),
  );
  return byName;
}

/** The English name of an ISO 3166-1 alpha-2 code ("US" → "United States of America"). */
export function countryName(code: string): string | undefined {
  const names = NAMES[code];
  return Array.isArray(names) ? names[0] : names;
}

/** ISO 3166-1 alpha-2 code of a code or an English name/alias, any case ("us", "USA", "Côte d'Ivoire"). */
export function countryCode(input: string): string {
  const code = input.trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && code in NAMES) return code;
  const named = codesByName().get(normalizeName(input));
  if (named) return named;
  throw new ValidationError(
    `country "${input}" is neither an ISO 3166 country code (like US) nor a country name (like United States)`,
  );
}
