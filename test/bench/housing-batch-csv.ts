// Writes a large housing CSV for batch scoring: data/housing.csv's rows without the target,
// tiled (in order, again and again) up to the number of rows asked for, under the features'
// header. Not committed: `tsx test/bench/housing-batch-csv.ts 1000000 /tmp/housing-1m.csv`.

import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

const HOUSING_CSV = path.join(__dirname, '../../data/housing.csv');
/** The target column of data/housing.csv, which a scoring input does not carry. */
const TARGET = 'median_house_value';

/** data/housing.csv as the invocations endpoint takes it: the header and rows without the target. */
export function housingFeatureLines(): { header: string; rows: string[] } {
  const [headerLine, ...lines] = readFileSync(HOUSING_CSV, 'utf8').trim().split('\n');
  const target = headerLine.split(',').indexOf(TARGET);
  const drop = (line: string) => line.split(',').toSpliced(target, 1).join(',');
  return { header: drop(headerLine), rows: lines.map(drop) };
}

/** Writes `rows` rows (the dataset's, tiled) with a header to `file`; answers its size in bytes. */
export async function writeHousingBatchCsv(file: string, rows: number): Promise<number> {
  const { header, rows: source } = housingFeatureLines();
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${header}\n`);
  // 10,000 lines per write: far fewer syscalls than one a line.
  for (let written = 0; written < rows; written += 10_000) {
    const lines: string[] = [];
    for (let i = written; i < Math.min(rows, written + 10_000); i++) lines.push(source[i % source.length]);
    await write(`${lines.join('\n')}\n`);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

if (require.main === module) {
  const [rows = '1000000', file = 'housing-batch.csv'] = process.argv.slice(2);
  writeHousingBatchCsv(file, Number(rows)).then(
    (bytes) =>
      console.log(`wrote ${Number(rows).toLocaleString('en-US')} rows (${(bytes / 1e6).toFixed(1)} MB) to ${file}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
