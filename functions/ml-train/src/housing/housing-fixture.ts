import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedHousing, parseHousingCsv } from './housing-dataset';

/** data/housing.csv at the repository root (the copy of shared/datasets/housing.csv the stack uploads). */
export const HOUSING_CSV_PATH = join(__dirname, '..', '..', '..', '..', 'data', 'housing.csv');

let parsed: ParsedHousing | undefined;

/** The real dataset, parsed once per test file. */
export function realHousing(): ParsedHousing {
  parsed ??= parseHousingCsv(readFileSync(HOUSING_CSV_PATH, 'utf8'));
  return parsed;
}
