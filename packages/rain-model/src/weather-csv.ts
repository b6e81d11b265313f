import { dayNumber } from './calendar';
import type { RecordedDay } from './types';

const COLUMNS = ['location', 'date', 'precipitation', 'temp_max', 'temp_min', 'wind'] as const;
// `weather` is synthesized from the other columns (see data/README): accepted, never read.
const KNOWN_COLUMNS = new Set<string>([...COLUMNS, 'weather']);

type NumericColumn = 'precipitation' | 'temp_max' | 'temp_min' | 'wind';
const LIMITS: Record<NumericColumn, [number, number]> = {
  precipitation: [0, 2000],
  temp_max: [-90, 60],
  temp_min: [-90, 60],
  wind: [0, 120],
};

function columnIndexes(header: string): Record<(typeof COLUMNS)[number], number> {
  const names = header.split(',').map((name) => name.trim());
  const unknown = names.filter((n) => !KNOWN_COLUMNS.has(n));
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0 || unknown.length > 0)
    throw new Error(
      `line 1: header must have the columns ${COLUMNS.join(',')} (weather optional); ` +
        `missing [${missing.join(', ')}], unexpected [${unknown.join(', ')}]`,
    );
  const at = (column: (typeof COLUMNS)[number]) => names.indexOf(column);
  return {
    location: at('location'),
    date: at('date'),
    precipitation: at('precipitation'),
    temp_max: at('temp_max'),
    temp_min: at('temp_min'),
    wind: at('wind'),
  };
}

function parseNumber(cells: string[], index: number, column: NumericColumn, line: number): number {
  const text = cells[index].trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`line ${line}: ${column} "${text}" is not a number`);
  const [min, max] = LIMITS[column];
  if (value < min || value > max) throw new Error(`line ${line}: ${column} ${value} is outside ${min}..${max}`);
  return value;
}

/**
 * Parses data/weather.csv (NOAA daily weather): one RecordedDay per row, in file order. Throws an
 * Error naming the line for a bad header, a wrong cell count, a bad date or number, temp_min above
 * temp_max, or a day recorded twice at the same location.
 */
export function parseWeatherCsv(text: string): RecordedDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new Error('line 1: the CSV is empty (expected a header)');
  const col = columnIndexes(lines[0]);
  const width = lines[0].split(',').length;
  const seen = new Map<string, number>();
  const days: RecordedDay[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const cells = lines[i].split(',');
    if (cells.length !== width) throw new Error(`line ${line}: expected ${width} cells, found ${cells.length}`);
    const location = cells[col.location].trim();
    if (location === '') throw new Error(`line ${line}: location is empty`);
    const date = cells[col.date].trim();
    if (dayNumber(date) === undefined)
      throw new Error(`line ${line}: date "${date}" is not a YYYY-MM-DD calendar date`);
    const key = `${location}|${date}`;
    const first = seen.get(key);
    if (first !== undefined) throw new Error(`line ${line}: ${location} ${date} is already on line ${first}`);
    seen.set(key, line);
    const day: RecordedDay = {
      location,
      date,
      precipitation: parseNumber(cells, col.precipitation, 'precipitation', line),
      temp_max: parseNumber(cells, col.temp_max, 'temp_max', line),
      temp_min: parseNumber(cells, col.temp_min, 'temp_min', line),
      wind: parseNumber(cells, col.wind, 'wind', line),
    };
    if (day.temp_min > day.temp_max)
      throw new Error(`line ${line}: temp_min ${day.temp_min} is above temp_max ${day.temp_max}`);
    days.push(day);
  }
  return days;
}
