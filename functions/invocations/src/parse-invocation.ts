import { ValidationError } from '@serverless-ml/errors';
import { isRecord } from '@serverless-ml/http';
import type { InputSchema } from '@serverless-ml/model-store/contract';
import { CsvSyntaxError, csvRecords } from './csv-records';
import { type Cell, type FeatureReader, featureReaders, listed } from './feature-values';
import { PayloadTooLargeError } from './invocation-errors';

export type { Cell } from './feature-values';

/** The two body formats of SageMaker's built-in containers that the endpoint reads. */
export type BodyFormat = 'csv' | 'json';

export interface ParseOptions {
  /** Rows one invocation may hold; more is a 413. */
  maxRows: number;
  /** The dataset's target column, named when a CSV header includes it. */
  target?: string;
}

function tooManyRows(got: number, maxRows: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`an invocation takes at most ${maxRows} rows, got ${got}: split it`, {
    maxRows,
    rows: got,
  });
}

function wrongWidth(row: number, got: number, readers: FeatureReader[], unit: string): ValidationError {
  const names = readers.map((r) => r.name);
  return new ValidationError(`row ${row} has ${got} ${unit}, expected ${names.length}: ${listed(names)}`, { row });
}

/** True when the first CSV record is the header (the feature names in order); a 400 when it is a wrong one. */
function isHeader(fields: string[], names: string[], target: string | undefined): boolean {
  const cells = fields.map((f) => f.trim());
  if (cells.length === names.length && cells.every((cell, i) => cell === names[i])) return true;
  const named = cells.filter((cell) => names.includes(cell) || cell === target);
  if (named.length === 0) return false;
  const withTarget = target !== undefined && cells.includes(target) ? `, without the target ${target}` : '';
  throw new ValidationError(
    `row 1 looks like a header (it names ${listed(named)}), but the columns must be exactly: ${listed(names)}` +
      `${withTarget} — or send no header`,
    { row: 1 },
  );
}

function parseCsv(text: string, readers: FeatureReader[], options: ParseOptions): Cell[][] {
  const names = readers.map((r) => r.name);
  const rows: Cell[][] = [];
  let header = false;
  let count = 0;
  try {
    for (const fields of csvRecords(text)) {
      if (count === 0 && !header && isHeader(fields, names, options.target)) {
        header = true;
        continue;
      }
      count++;
      // Past the limit rows are only counted, so the 413 can say how many were sent.
      if (count > options.maxRows) continue;
      if (fields.length !== readers.length) throw wrongWidth(count, fields.length, readers, 'columns');
      rows.push(readers.map((reader, i) => reader.fromText(fields[i], count)));
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const row = error.record - (header ? 1 : 0);
    const column = row >= 1 ? names[error.field - 1] : undefined;
    const where = column === undefined ? `row ${row}` : `row ${row}, column ${column}`;
    throw new ValidationError(`${where} is not valid CSV: ${error.problem}`, { row, column });
  }
  if (count > options.maxRows) throw tooManyRows(count, options.maxRows);
  if (count === 0) throw new ValidationError(`the CSV has a header but no rows: send one row per line after it`);
  return rows;
}

function jsonRow(instance: unknown, row: number, readers: FeatureReader[]): Cell[] {
  if (Array.isArray(instance)) {
    if (instance.length !== readers.length) throw wrongWidth(row, instance.length, readers, 'values');
    return readers.map((reader, i) => reader.fromJson(instance[i], row));
  }
  if (isRecord(instance)) {
    const names = new Set(readers.map((r) => r.name));
    const unknown = Object.keys(instance).filter((key) => !names.has(key));
    if (unknown.length) {
      throw new ValidationError(
        `row ${row} has unknown column${unknown.length > 1 ? 's' : ''} ${listed(unknown, true)}: the columns are ${listed([...names])}`,
        { row },
      );
    }
    return readers.map((reader) =>
      reader.fromJson(Object.hasOwn(instance, reader.name) ? instance[reader.name] : undefined, row),
    );
  }
  throw new ValidationError(
    `row ${row} must be an array of ${readers.length} values or an object keyed by column name, got ${instance === null ? 'null' : `a ${typeof instance}`}`,
    { row },
  );
}

function parseJson(text: string, readers: FeatureReader[], options: ParseOptions): Cell[][] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`request body is not valid JSON: ${(error as Error).message}`);
  }
  const example = '{"instances": [[value, …], …]} or {"instances": [{"column": value, …}, …]}';
  if (!isRecord(body)) throw new ValidationError(`a JSON body must be an object like ${example}`);
  const unknown = Object.keys(body).filter((key) => key !== 'instances');
  if (unknown.length) {
    throw new ValidationError(`unknown field ${listed(unknown, true)}: a JSON body holds only "instances"`);
  }
  const { instances } = body;
  if (instances === undefined) throw new ValidationError(`instances is required: send ${example}`);
  if (!Array.isArray(instances)) throw new ValidationError(`instances must be an array of rows: ${example}`);
  if (instances.length === 0) throw new ValidationError('instances must hold at least one row');
  if (instances.length > options.maxRows) throw tooManyRows(instances.length, options.maxRows);
  return instances.map((instance, i) => jsonRow(instance, i + 1, readers));
}

/**
 * Reads an invocation body into rows of the model's features, in input order: numbers (NaN for an
 * empty nullable value) and categories. CSV is RFC 4180, one row per line, with an optional header
 * that must name the features in order; JSON is `{"instances": [...]}` with rows as arrays or as
 * objects keyed by feature name. Every mistake is a 400 naming the row (1-based, header not
 * counted) and the column; more than `maxRows` rows is a 413.
 */
export function parseInvocation(body: string, format: BodyFormat, schema: InputSchema, options: ParseOptions) {
  if (body.trim() === '') {
    throw new ValidationError(
      'the request body is empty: send rows as text/csv, or {"instances": [...]} as application/json',
    );
  }
  const readers = featureReaders(schema);
  return format === 'csv' ? parseCsv(body, readers, options) : parseJson(body, readers, options);
}
