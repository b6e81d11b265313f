import { gunzipSync } from 'node:zlib';

export interface DigitsDataset {
  /** Row-major features, `rows × features`. */
  features: Float64Array;
  labels: Int32Array;
  rows: number;
  featureCount: number;
}

/** Parses a headerless numeric CSV; throws naming the first bad line. */
export function parseNumericCsv(text: string): number[][] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    const values = line.split(',').map(Number);
    if (values.some((v) => !Number.isFinite(v))) {
      throw new Error(`line ${index + 1} has a value that is not a number`);
    }
    return values;
  });
}

/**
 * Reads scikit-learn's digits CSV (64 pixel columns 0..16, then the label), gzipped or not.
 * The same file the LocalStack tutorial uploads as `digits.csv.gz`.
 */
export function readDigitsCsv(raw: Uint8Array): DigitsDataset {
  const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
  const rows = parseNumericCsv(Buffer.from(gzipped ? gunzipSync(raw) : raw).toString('utf8'));
  if (rows.length === 0) throw new Error('the dataset is empty');
  const featureCount = rows[0].length - 1;
  const features = new Float64Array(rows.length * featureCount);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    if (row.length !== featureCount + 1) {
      throw new Error(`line ${i + 1} has ${row.length} columns, expected ${featureCount + 1}`);
    }
    features.set(row.slice(0, featureCount), i * featureCount);
    labels[i] = row[featureCount];
  });
  return { features, labels, rows: rows.length, featureCount };
}
