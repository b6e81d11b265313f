import { parseCsvRecords } from './csv-records';
import { contentStoreId } from './store-id';

/** One store as served: the catalog's rows in model index order. */
export interface StoreRow {
  id: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  /** The row's other columns (e.g. the reference list's `state`), by header name; absent when there are none. */
  extra?: Record<string, string>;
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
  /** `reference`: the Chipotle list's `state,location,address,latitude,longitude`; `generic`: `[id,]name,…`. */
  schema: 'generic' | 'reference';
  /** Where ids come from: the `id` column, or a hash of each row's content (contentStoreId). */
  ids: 'column' | 'content';
  /** Columns kept as each store's `extra`, in file order. */
  extraColumns: string[];
  rows: number;
  stores: StoreRow[];
  invalidRows: ProblemReport;
  duplicateIds: ProblemReport;
}

const SCHEMAS = {
  generic: ['name', 'address', 'latitude', 'longitude'],
  reference: ['location', 'address', 'latitude', 'longitude'],
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

/** The header's columns (lower-cased for matching), its schema and the extra columns it carries. */
interface StoreHeader {
  columns: string[];
  schema: StoreCatalog['schema'];
  ids: StoreCatalog['ids'];
  extra: { name: string; at: number }[];
}

function readHeader(fields: string[] | undefined): StoreHeader {
  const names = (fields ?? []).map((f) => f.trim());
  const columns = names.map((n) => n.toLowerCase());
  const repeated = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (repeated) throw new Error(`the header repeats the column ${repeated}`);
  const schema = columns.includes('id') || columns.includes('name') ? 'generic' : 'reference';
  const missing = SCHEMAS[schema].filter((c) => !columns.includes(c));
  if (!fields || missing.length > 0) {
    throw new Error(
      `the header must hold [id,]${SCHEMAS.generic.join(',')} or state,${SCHEMAS.reference.join(',')} (missing ${missing.join(', ')})`,
    );
  }
  const used = new Set<string>([...SCHEMAS[schema], 'id']);
  // Columns without a name (a trailing comma) hold nothing worth keeping.
  const extra = names.map((name, at) => ({ name, at })).filter(({ name, at }) => name !== '' && !used.has(columns[at]));
  return { columns, schema, ids: columns.includes('id') ? 'column' : 'content', extra };
}

/**
 * Reads a store list, detecting its schema by header. Rows with a missing or impossible
 * coordinate, and later rows repeating an id, are left out and reported (never kept as 0,0).
 * Columns beyond the schema's are kept per store as `extra`.
 */
export function parseStoreCsv(text: string): StoreCatalog {
  const [header, ...records] = parseCsvRecords(text);
  const { columns, schema, ids, extra } = readHeader(header?.fields);
  const at = (name: string) => columns.indexOf(name);
  const invalid: RowProblem[] = [];
  const duplicates: RowProblem[] = [];
  const seen = new Map<string, number>();
  const stores: StoreRow[] = [];
  for (const { line, fields } of records) {
    const get = (name: string) => (fields[at(name)] ?? '').trim();
    const latitude = coordinate(fields[at('latitude')], 'latitude', 90);
    const longitude = coordinate(fields[at('longitude')], 'longitude', 180);
    if (fields.length < columns.length) {
      invalid.push({ line, reason: `has ${fields.length} fields, the header has ${columns.length}` });
      continue;
    }
    const noId = ids === 'column' && get('id') === '';
    if (noId || typeof latitude === 'string' || typeof longitude === 'string') {
      const reason = noId ? 'id is empty' : typeof latitude === 'string' ? latitude : String(longitude);
      invalid.push({ line, reason });
      continue;
    }
    const row = { name: get(schema === 'generic' ? 'name' : 'location'), address: get('address'), latitude, longitude };
    const id = ids === 'column' ? get('id') : contentStoreId(row);
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      const reason =
        ids === 'column'
          ? `id '${id}' was already used on line ${firstLine}`
          : `repeats line ${firstLine}: same name, address and coordinates (id ${id})`;
      duplicates.push({ line, reason });
      continue;
    }
    seen.set(id, line);
    const store: StoreRow = { id, ...row };
    if (extra.length > 0) store.extra = Object.fromEntries(extra.map((c) => [c.name, (fields[c.at] ?? '').trim()]));
    stores.push(store);
  }
  return {
    schema,
    ids,
    extraColumns: extra.map((c) => c.name),
    rows: records.length,
    stores,
    invalidRows: report(invalid),
    duplicateIds: report(duplicates),
  };
}
