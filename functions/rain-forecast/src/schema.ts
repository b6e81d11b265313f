import '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { numberParam, unknownParamsMessage } from '@serverless-ml/http';
import { VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';
import type { ForecastQuery } from './forecast-rain';
import type { TodayObservations } from './weather/weather-provider';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OBSERVATIONS = ['precipitation', 'temp_max', 'temp_min', 'wind'] as const;
const LONGITUDE_ALIASES = ['long', 'lng', 'lon'] as const;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

// Values arrive cleaned by @serverless-ml/http's rule (trimmed, never empty, no control characters).
const text = (what: string) => z.string().check(z.maxLength(100, { error: `is too long for ${what}` }));

const querySchema = z.strictObject(
  {
    city: z.optional(text('a city name')),
    country: z.optional(text('a country')),
    lat: z.optional(numberParam({ min: -90, max: 90 })),
    long: z.optional(numberParam({ min: -180, max: 180 })),
    date: z.optional(
      z.string().check(
        z.refine(isCalendarDate, { error: (i) => `must be a calendar date YYYY-MM-DD, got "${String(i.input)}"` }),
        // For the API description only: JSON Schema cannot say what the refine checks.
        z.meta({ format: 'date', description: 'YYYY-MM-DD: today, as recorded (replays that day)' }),
      ),
    ),
    // Today's observations, bounded by the world records.
    precipitation: z.optional(numberParam({ min: 0, max: 2000, unit: ' mm' })),
    temp_max: z.optional(numberParam({ min: -90, max: 60, unit: ' °C' })),
    temp_min: z.optional(numberParam({ min: -90, max: 60, unit: ' °C' })),
    wind: z.optional(numberParam({ min: 0, max: 120, unit: ' m/s' })),
    version: z.optional(
      z
        .string()
        .check(z.regex(VERSION_ID_PATTERN, { error: 'must be a rain model version id (see GET /models/rain)' })),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? unknownParamsMessage(
            issue.keys,
            `use city (or lat and long), country, date, ${OBSERVATIONS.join(', ')}, version`,
          )
        : undefined,
  },
);

/** The query of `GET /rain-forecast` as the API describes it: the validated schema plus the longitude's aliases. */
export const forecastQueryParams = z.extend(querySchema, { lng: querySchema.shape.long, lon: querySchema.shape.long });

/** Folds long/lng/lon into `long`, refusing two different spellings at once. */
function withLongitude(params: Record<string, string | undefined>): Record<string, string | undefined> {
  const given = LONGITUDE_ALIASES.filter((k) => params[k] !== undefined);
  if (given.length > 1)
    throw new ValidationError(`give the longitude once, as long, lng or lon (got ${given.join(' and ')})`);
  const { lng, lon, ...rest } = params;
  return given.length === 1 ? { ...rest, long: params[given[0]] } : rest;
}

/** Parses `GET /rain-forecast` query parameters; throws a ValidationError naming the problem. */
export function parseForecastQuery(params: Record<string, string | undefined> | null | undefined): ForecastQuery {
  const parsed = querySchema.safeParse(withLongitude(params ?? {}));
  if (!parsed.success) throw validationErrorFrom(parsed.error.issues);
  const q = parsed.data;
  const hasPoint = q.lat !== undefined || q.long !== undefined;
  if (q.city !== undefined && hasPoint) throw new ValidationError('give either city or lat and long, not both');
  if (q.city === undefined && !hasPoint)
    throw new ValidationError('say where: city=Seattle (optionally with country=US), or lat=47.61&long=-122.33');
  if (hasPoint && (q.lat === undefined || q.long === undefined))
    throw new ValidationError(
      `${q.lat === undefined ? 'lat' : 'long'} is required with ${q.lat === undefined ? 'long' : 'lat'}`,
    );
  if (hasPoint && q.country !== undefined)
    throw new ValidationError('country narrows a city name: leave it out with lat and long');
  const given = OBSERVATIONS.filter((k) => q[k] !== undefined);
  if (given.length > 0 && given.length < OBSERVATIONS.length) {
    const missing = OBSERVATIONS.filter((k) => q[k] === undefined);
    throw new ValidationError(
      `today's observations need all of ${OBSERVATIONS.join(', ')}: missing ${missing.join(', ')}`,
    );
  }
  let observations: TodayObservations | undefined;
  if (q.precipitation !== undefined && q.temp_max !== undefined && q.temp_min !== undefined && q.wind !== undefined) {
    if (q.temp_min > q.temp_max) throw new ValidationError(`temp_min ${q.temp_min} is above temp_max ${q.temp_max}`);
    observations = { precipitation: q.precipitation, temp_max: q.temp_max, temp_min: q.temp_min, wind: q.wind };
  }
  const where: ForecastQuery['where'] | undefined =
    q.lat !== undefined && q.long !== undefined
      ? { kind: 'point', latitude: q.lat, longitude: q.long }
      : q.city !== undefined
        ? { kind: 'city', city: q.city, country: q.country }
        : undefined;
  if (!where) throw new ValidationError('say where: city=Seattle, or lat and long');
  return { where, date: q.date, observations, ...(q.version === undefined ? {} : { version: q.version }) };
}

const day = z.object({
  date: z.string(),
  precipitation: z.number().check(z.meta({ description: 'mm' })),
  temp_max: z.number().check(z.meta({ description: '°C' })),
  temp_min: z.number().check(z.meta({ description: '°C' })),
  wind: z.number().check(z.meta({ description: 'm/s' })),
});

/** What `GET /rain-forecast` answers as JSON (a direct invocation returns the same object). */
export const rainForecastSchema = z.object({
  probability: z.number().check(z.gte(0), z.lte(1)),
  rainTomorrow: z.boolean(),
  forecastFor: z.string(),
  place: z.object({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string(),
    country: z.string(),
    countryName: z.optional(z.string()),
    population: z.number(),
    match: z.enum(['city', 'nearest']),
    distanceKm: z.optional(z.number()),
  }),
  observations: z.object({
    source: z.enum(['query', 'recorded', 'open-meteo']),
    today: day,
    previous: z.array(day),
    recordedAt: z.optional(z.string()),
  }),
  actual: z.optional(
    z.object({ date: z.string(), precipitation: z.number(), rained: z.boolean(), forecastWasRight: z.boolean() }),
  ),
  modelVersion: z.string(),
  caveat: z.object({
    level: z.enum(['trained-here', 'nearby', 'far', 'other-climate']),
    nearestTrainingPlace: z.object({ name: z.string(), country: z.string(), distanceKm: z.number() }),
    message: z.string(),
  }),
  requestId: z.string(),
  logged: z.boolean(),
});
