import type { Row } from './report-row';
import { BATCH_ROWS } from './report-rows-batch';
import { DIGITS_HTTP_ROWS, DIGITS_ROWS, PACKAGE_ROWS } from './report-rows-digits';
import { HOUSING_ROWS, INVOCATIONS_ROWS } from './report-rows-housing';
import { JOBS_ROWS } from './report-rows-jobs';
import { LOAD_ROWS } from './report-rows-load';
import { MODEL_HTTP_ROWS, PODS_ROWS, RAIN_ROWS, STORES_ROWS } from './report-rows-models';
import { SMALL_PODS_ROWS } from './report-rows-pods';

export type { Row } from './report-row';

/** Every row of the table, in order: digits, rain, stores, housing and its endpoint, HTTP, packages, pods. */
export const ROWS: Row[] = [
  ...DIGITS_ROWS,
  ...RAIN_ROWS,
  ...STORES_ROWS,
  ...HOUSING_ROWS,
  ...INVOCATIONS_ROWS,
  ...BATCH_ROWS,
  ...DIGITS_HTTP_ROWS,
  ...MODEL_HTTP_ROWS,
  ...LOAD_ROWS,
  ...JOBS_ROWS,
  ...PACKAGE_ROWS,
  ...PODS_ROWS,
  ...SMALL_PODS_ROWS,
];
