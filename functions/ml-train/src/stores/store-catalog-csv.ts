import { parseCsvRecords } from './csv-records';

/** One store as served: the catalog's rows in model index order. */
export interface StoreRow {
  id: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

/** A rejected row: its line in the CSV and why. */
export interface RowProblem {
  line: number;
  reason: string;
}

/** How many rows were rejected for one cause, with the first few for a human to look at. */
export interface ProblemReport {
  count: number;
  first: RowProblem[];
}

export interface StoreCatalog {
  /** `reference`: the Chipotle list's `state,location,address,latitude,longitude`; `generic`: `id,name,…`. */
  schema: 'generic' | 'reference';
  rows: number;
  stores: StoreRow[];
  invalidRows: ProblemReport;
  duplicateIds: ProblemReport;
}

const SCHEMAS = {
  generic: ['id', 'name', 'address', 'latitude', 'longitude'],
  reference: ['state', 'location', 'address', 'latitude', 'longitude'],
} as const;
const REPORT_FIRST = 10;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The coordinate as a number, or the reason it is not one. */
function coordinate(raw: string | undefined, name: string, limit: number): number | string {
  const text = (raw ?? '').trim();
  if (text === '') return `${name} is empty`;
  if (!DECIMAL.test(text)) return `${name} '${text.slice(0, 40)}' is not a number`;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : `${name} ${text} is outside [-${limit}, ${limit}]`;
}

function report(problems: RowProblem[]): ProblemReport {
  return { count: problems.length, first: problems.slice(0, REPORT_FIRST) };
}

/**
 * Reads a store list, detecting its schema by header. Rows with a missing or impossible
 * coordinate, and later rows repeating an id, are left out and reported (never kept as 0,0).
 */
export function parseStoreCsv(text: string): StoreCatalog {
  const [header, ...records] = parseCsvRecords(text);
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const schema = columns.includes('id') ? 'generic' : 'reference';
  const missing = SCHEMAS[schema].filter((c) => !columns.includes(c));
  if (!header || missing.length > 0) {
    throw new Error(
      `the header must hold ${SCHEMAS.generic.join(',')} or ${SCHEMAS.reference.join(',')} (missing ${missing.join(', ')})`,
    );
  }
  const at = (name: string) => columns.indexOf(name);
  const invalid: RowProblem[] = [];
  const duplicates: RowProblem[] = [];
  const seen = new Map<string, number>();
  const stores: StoreRow[] = [];
  for (const { line, fields } of records) {
    const get = (name: string) => (fields[at(name)] ?? '').trim();
    // The reference list has no id column: the line number is the one stable key it offers.
    const id = schema === 'generic' ? get('id') : `line-${line}`;
    const latitude = coordinate(fields[at('latitude')], 'latitude', 90);
    const longitude = coordinate(fields[at('longitude')], 'longitude', 180);
    if (fields.length < columns.length) {
      invalid.push({ line, reason: `has ${fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    if (id === '' || typeof latitude === 'string' || typeof longitude === 'string') {
      const reason = id === '' ? 'id is empty' : typeof latitude === 'string' ? latitude : String(longitude);
      invalid.push({ line, reason });
      continue;
    }
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      duplicates.push({ line, reason: `id '${id}' was already used on line ${firstLine}` });
      continue;
    }
    seen.set(id, line);
    const name = schema === 'generic' ? get('name') : get('location');
    stores.push({ id, name, address: get('address'), latitude, longitude });
  }
  return { schema, rows: records.length, stores, invalidRows: report(invalid), duplicateIds: report(duplicates) };
}
