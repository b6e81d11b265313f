import { requireDayNumber, seasonAngle } from './calendar';
import type { DayObservation, GeoPoint } from './types';

/** How many days before today the features look back. */
export const RECENT_WINDOW_DAYS = 7;

interface FeatureContext {
  today: DayObservation;
  place: GeoPoint;
  /** The day before today, or today itself when it is missing (the imputation rule). */
  yesterday: DayObservation;
  /** Today followed by the recorded days of the last week, newest first. */
  week: DayObservation[];
}

interface FeatureSpec {
  name: string;
  description: string;
  value: (c: FeatureContext) => number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const FEATURES: FeatureSpec[] = [
  { name: 'precipitation', description: "today's precipitation (mm)", value: (c) => c.today.precipitation },
  { name: 'temp_max', description: "today's maximum temperature (°C)", value: (c) => c.today.temp_max },
  { name: 'temp_min', description: "today's minimum temperature (°C)", value: (c) => c.today.temp_min },
  {
    name: 'temp_range',
    description: 'temp_max − temp_min (°C): small under cloud cover',
    value: (c) => c.today.temp_max - c.today.temp_min,
  },
  { name: 'wind', description: "today's mean wind speed (m/s)", value: (c) => c.today.wind },
  {
    name: 'season_sin',
    description: 'sin of the day of the year as an angle, shifted half a year south of the equator',
    value: (c) => Math.sin(seasonAngle(c.today.date, c.place.latitude)),
  },
  {
    name: 'season_cos',
    description: 'cos of the same angle (1 = midwinter, −1 = midsummer)',
    value: (c) => Math.cos(seasonAngle(c.today.date, c.place.latitude)),
  },
  {
    name: 'precipitation_yesterday',
    description: "yesterday's precipitation (mm)",
    value: (c) => c.yesterday.precipitation,
  },
  {
    name: 'temp_max_change',
    description: 'temp_max − yesterday’s temp_max (°C): fronts bring rain',
    value: (c) => c.today.temp_max - c.yesterday.temp_max,
  },
  {
    name: 'temp_min_change',
    description: 'temp_min − yesterday’s temp_min (°C)',
    value: (c) => c.today.temp_min - c.yesterday.temp_min,
  },
  { name: 'wind_change', description: 'wind − yesterday’s wind (m/s)', value: (c) => c.today.wind - c.yesterday.wind },
  {
    name: 'wet_day_share',
    description: 'share of days with precipitation > 0 among today and the recorded days of the last week',
    value: (c) => c.week.filter((d) => d.precipitation > 0).length / c.week.length,
  },
  {
    name: 'precipitation_week_mean',
    description: 'mean precipitation (mm) over today and the recorded days of the last week',
    value: (c) => mean(c.week.map((d) => d.precipitation)),
  },
  {
    name: 'temp_max_anomaly',
    description: 'temp_max − the mean temp_max over today and the recorded days of the last week (°C)',
    value: (c) => c.today.temp_max - mean(c.week.map((d) => d.temp_max)),
  },
];

/** The model's input columns, in order: the ONNX input `features` is [N, RAIN_FEATURE_NAMES.length]. */
export const RAIN_FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** One line per feature, in order, for metadata and docs. */
export const RAIN_FEATURE_DESCRIPTIONS: readonly { name: string; description: string }[] = FEATURES.map(
  ({ name, description }) => ({ name, description }),
);

/** What rainFeatures assumes about recent days that were not given. */
export const RECENT_DAYS_IMPUTATION =
  `Only previous days 1..${RECENT_WINDOW_DAYS} days before today count; others are ignored. A missing ` +
  "yesterday is taken to be like today (yesterday's precipitation = today's, day-to-day changes = 0); " +
  'the weekly share, mean and anomaly use today plus whichever days of the last week were given ' +
  '(today alone when none were). With no previous days at all, the model sees a week that was like today.';

/**
 * The feature vector for "will it rain tomorrow here?". `previous` are the days before `today` at
 * `place`, newest first, possibly empty; missing days are imputed by RECENT_DAYS_IMPUTATION.
 * Nothing identifies the city: only the weather, the date and the hemisphere of `place`.
 */
export function rainFeatures(today: DayObservation, place: GeoPoint, previous: DayObservation[]): Float32Array {
  if (!(place.latitude >= -90 && place.latitude <= 90))
    throw new RangeError(`latitude ${place.latitude} is outside -90..90`);
  const day = requireDayNumber(today.date, 'today.date');
  const byDaysAgo = new Map<number, DayObservation>();
  for (const d of previous) {
    const ago = day - requireDayNumber(d.date, 'previous date');
    // A day given twice counts once (the first, i.e. the newest copy); only the last week counts.
    if (ago >= 1 && ago <= RECENT_WINDOW_DAYS && !byDaysAgo.has(ago)) byDaysAgo.set(ago, d);
  }
  const context: FeatureContext = {
    today,
    place,
    yesterday: byDaysAgo.get(1) ?? today,
    week: [today, ...byDaysAgo.values()],
  };
  return Float32Array.from(FEATURES, (f) => f.value(context));
}
