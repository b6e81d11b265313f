// Makes data/stores.csv from vega-datasets' US airports (see data/STORES.md):
//   npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz
//   npx tsx functions/ml-train/src/stores/airports-to-stores.ts package/data/airports.csv > data/stores.csv
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from './csv-records';

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Converts airports.csv (iata,name,city,state,country,latitude,longitude) to the generic store schema. */
export function airportsToStoresCsv(airportsCsv: string): string {
  const [header, ...rows] = parseCsvRecords(airportsCsv);
  const expected = 'iata,name,city,state,country,latitude,longitude';
  if (header?.fields.join(',') !== expected) throw new Error(`expected the header ${expected}`);
  const lines = rows.map(({ fields: [iata, name, city, state, country, latitude, longitude] }) => {
    // The source writes "NA" for the city and state of its few non-US airports.
    const address = [city, state, country].filter((part) => part && part !== 'NA').join(', ');
    return [iata, name, address, latitude, longitude].map(quote).join(',');
  });
  return `id,name,address,latitude,longitude\n${lines.join('\n')}\n`;
}

if (require.main === module) {
  const [path] = process.argv.slice(2);
  if (!path) throw new Error('usage: airports-to-stores.ts <vega-datasets>/data/airports.csv > data/stores.csv');
  process.stdout.write(airportsToStoresCsv(readFileSync(path, 'utf8')));
}
