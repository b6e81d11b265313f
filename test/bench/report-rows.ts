import type { Row } from './report-row';
import { DIGITS_HTTP_ROWS, DIGITS_ROWS, PACKAGE_ROWS } from './report-rows-digits';
import { MODEL_HTTP_ROWS, RAIN_ROWS, STORES_ROWS } from './report-rows-models';

export type { Row } from './report-row';

/** Every row of the table, in order: digits, rain, stores, HTTP, packages. */
export const ROWS: Row[] = [
  ...DIGITS_ROWS,
  ...RAIN_ROWS,
  ...STORES_ROWS,
  ...DIGITS_HTTP_ROWS,
  ...MODEL_HTTP_ROWS,
  ...PACKAGE_ROWS,
];
