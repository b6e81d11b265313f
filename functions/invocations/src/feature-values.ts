import { ValidationError } from '@serverless-ml/errors';
import { type NumberRule, readNumber, shown } from '@serverless-ml/http';
import type { Feature, InputSchema } from '@serverless-ml/model-store/contract';

/** One input value: a number (NaN for an empty nullable cell) or a category. */
export type Cell = number | string;

/** Reads one column's values from CSV text or from JSON, naming the row and column when a value is wrong. */
export interface FeatureReader {
  name: string;
  fromText(text: string, row: number): Cell;
  fromJson(value: unknown, row: number): Cell;
}

const ANY_NUMBER: NumberRule = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY };
// A unit-vector tensor takes [latitude, longitude] in degrees, in that order.
const UNIT_VECTOR_RULES: NumberRule[] = [
  { min: -90, max: 90 },
  { min: -180, max: 180 },
];

/** `row 3, column pixel_5 <problem>`, with the row and column in `details` for programs. */
export function cellError(row: number, column: string, problem: string): ValidationError {
  return new ValidationError(`row ${row}, column ${column} ${problem}`, { row, column });
}

/** `"a", "b", "c"`, or the first three and the last of a long list. */
export function listed(names: readonly string[], quote = false): string {
  const show = (name: string) => (quote ? JSON.stringify(name) : name);
  if (names.length <= 10) return names.map(show).join(', ');
  return `${names.slice(0, 3).map(show).join(', ')}, …, ${show(names[names.length - 1])} (${names.length})`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// What clients send for a missing value: an empty cell, pandas' and numpy's NaN spellings.
const isNanText = (text: string) => text.toLowerCase() === 'nan';
const trimAscii = (text: string) => text.replace(/^[ \t]+|[ \t]+$/g, '');

function numberReader(name: string, nullable: boolean, rule: NumberRule, emptyHint: string): FeatureReader {
  const missing = (row: number, what: string) => {
    if (nullable) return Number.NaN;
    throw cellError(row, name, `${what} ${emptyHint}`);
  };
  const checked = (value: string | number, row: number) => {
    const read = readNumber(value, rule);
    if (typeof read === 'number') return read;
    throw cellError(row, name, read.problem);
  };
  return {
    name,
    fromText(text, row) {
      const value = trimAscii(text);
      if (value === '') return missing(row, 'is empty');
      if (isNanText(value)) return missing(row, 'is NaN');
      return checked(value, row);
    },
    fromJson(value, row) {
      if (value === null || value === undefined) return missing(row, value === null ? 'is null' : 'is missing');
      if (typeof value === 'number') return checked(value, row);
      const got = typeof value === 'string' ? `a string (${shown(value)})` : kindOf(value);
      throw cellError(row, name, `must be a number, got ${got}`);
    },
  };
}

function categoryReader(name: string, categories: string[]): FeatureReader {
  const known = new Set(categories);
  const allowed = `: one of ${listed(categories, true)}`;
  const checked = (value: string, row: number) => {
    if (known.has(value)) return value;
    if (value === '') throw cellError(row, name, `is empty${allowed}`);
    throw cellError(row, name, `has ${shown(value)}, which is not a known category${allowed}`);
  };
  return {
    name,
    fromText: (text, row) => checked(trimAscii(text), row),
    fromJson(value, row) {
      if (typeof value === 'string') return checked(value, row);
      throw cellError(row, name, `must be a category (a string)${allowed}, got ${kindOf(value)}`);
    },
  };
}

/** Per feature, in input order: how its values are read and checked (ranges of unit-vector inputs included). */
export function featureReaders(schema: InputSchema): FeatureReader[] {
  const nullable = schema.features.filter((f) => f.type === 'number' && f.nullable).map((f) => f.name);
  const emptyHint = nullable.length
    ? `(only ${listed(nullable)} may be empty or NaN)`
    : '(no column of this model may be empty or NaN)';
  const rules = new Map<string, NumberRule>();
  for (const tensor of schema.tensors) {
    if (tensor.encoding !== 'unit-vector') continue;
    tensor.features.forEach((name, i) => {
      rules.set(name, UNIT_VECTOR_RULES[i] ?? ANY_NUMBER);
    });
  }
  return schema.features.map((feature: Feature) =>
    feature.type === 'category'
      ? categoryReader(feature.name, feature.categories)
      : numberReader(feature.name, feature.nullable === true, rules.get(feature.name) ?? ANY_NUMBER, emptyHint),
  );
}
