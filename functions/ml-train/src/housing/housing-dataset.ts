import {
  HOUSING_CATEGORIES,
  HOUSING_CSV_COLUMNS,
  HOUSING_NULLABLE_COLUMN,
  HOUSING_NUMERIC_COLUMNS,
} from './housing-contract';

/** Valid rows of housing.csv: the numeric columns as a row-major float64 matrix, category indexes, targets. */
export interface HousingRows {
  count: number;
  /** `[count × 8]` in CSV column order; NaN where total_bedrooms is empty. */
  numeric: Float64Array;
  /** Index into HOUSING_CATEGORIES. */
  category: Uint8Array;
  /** median_house_value in USD. */
  target: Float64Array;
  /** The data row index in the file (0-based, header excluded, counting bad rows): what the split keys on. */
  rowIndex: Uint32Array;
}

export interface InvalidRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  reason: string;
}

export interface ParsedHousing {
  rows: HousingRows;
  /** Data rows in the file, valid or not. */
  dataRows: number;
  invalid: { count: number; examples: InvalidRow[] };
}

const EXAMPLES_KEPT = 5;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const F = HOUSING_NUMERIC_COLUMNS.length;
const NULLABLE = HOUSING_NUMERIC_COLUMNS.indexOf(HOUSING_NULLABLE_COLUMN);
const TARGET = F;
const CATEGORY = F + 1;
const CATEGORY_NAMES: readonly string[] = HOUSING_CATEGORIES;

/** A number cell, or why it is not one. */
function parseNumber(cell: string, column: string, nullable: boolean): number | string {
  if (cell === '') return nullable ? Number.NaN : `${column} is empty`;
  if (!NUMBER.test(cell)) return `${column} "${cell}" is not a number`;
  const value = Number(cell);
  return Number.isFinite(value) ? value : `${column} "${cell}" is not finite`;
}

/** Parses one data line into the matrices at `at`, or returns why it is invalid. */
function parseLine(line: string, out: HousingRows, at: number): string | undefined {
  const cells = line.split(',');
  if (cells.length !== HOUSING_CSV_COLUMNS.length)
    return `expected ${HOUSING_CSV_COLUMNS.length} columns, got ${cells.length}`;
  for (let c = 0; c <= TARGET; c++) {
    const value = parseNumber(cells[c].trim(), HOUSING_CSV_COLUMNS[c], c === NULLABLE);
    if (typeof value === 'string') return value;
    if (c === TARGET) out.target[at] = value;
    else out.numeric[at * F + c] = value;
  }
  const category = CATEGORY_NAMES.indexOf(cells[CATEGORY].trim());
  if (category < 0) return `ocean_proximity "${cells[CATEGORY]}" is not one of ${HOUSING_CATEGORIES.join(', ')}`;
  out.category[at] = category;
  return undefined;
}

function allocate(count: number): HousingRows {
  return {
    count,
    numeric: new Float64Array(count * F),
    category: new Uint8Array(count),
    target: new Float64Array(count),
    rowIndex: new Uint32Array(count),
  };
}

/**
 * Parses housing.csv (the header must be exactly the ten known columns). Bad rows — wrong column
 * count, a non-numeric or non-finite number, an empty cell other than total_bedrooms, an unknown
 * ocean_proximity — are left out and reported with their line numbers; blank lines are skipped.
 */
export function parseHousingCsv(text: string): ParsedHousing {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].trim();
  if (header !== HOUSING_CSV_COLUMNS.join(','))
    throw new Error(`line 1: header must be "${HOUSING_CSV_COLUMNS.join(',')}", got "${header.slice(0, 200)}"`);
  const parsed = allocate(lines.length - 1);
  const invalid: ParsedHousing['invalid'] = { count: 0, examples: [] };
  let dataRows = 0;
  let count = 0;
  for (let l = 1; l < lines.length; l++) {
    if (lines[l].trim() === '') continue;
    const reason = parseLine(lines[l], parsed, count);
    if (reason === undefined) parsed.rowIndex[count++] = dataRows;
    else if (++invalid.count <= EXAMPLES_KEPT) invalid.examples.push({ line: l + 1, reason });
    dataRows++;
  }
  if (count === 0) throw new Error(`no valid data rows (${dataRows} data rows, ${invalid.count} invalid)`);
  return { rows: selectRows(parsed, (i) => i < count), dataRows, invalid };
}

/** The rows for which `keep(i)` holds, in order. */
export function selectRows(rows: HousingRows, keep: (i: number) => boolean): HousingRows {
  const picked = Array.from({ length: rows.count }, (_, i) => i).filter(keep);
  const out = allocate(picked.length);
  picked.forEach((from, to) => {
    out.numeric.set(rows.numeric.subarray(from * F, (from + 1) * F), to * F);
    out.category[to] = rows.category[from];
    out.target[to] = rows.target[from];
    out.rowIndex[to] = rows.rowIndex[from];
  });
  return out;
}

/** The fixed split: data row i is a test row when i % 5 == 4 (4128 test / 16512 train rows in housing.csv). */
export function splitHousingRows(rows: HousingRows): { train: HousingRows; test: HousingRows } {
  return {
    train: selectRows(rows, (i) => rows.rowIndex[i] % 5 !== 4),
    test: selectRows(rows, (i) => rows.rowIndex[i] % 5 === 4),
  };
}

/** ocean_proximity of every row as the string the ONNX input takes. */
export function categoryNames(rows: HousingRows): string[] {
  return Array.from(rows.category, (c) => HOUSING_CATEGORIES[c]);
}
