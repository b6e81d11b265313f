import { parseEnv } from '@serverless-ml/config';
import * as z from 'zod/mini';

const envSchema = z.object({
  WEATHER_PROVIDER: z._default(z.enum(['none', 'open-meteo'], { error: 'must be none or open-meteo' }), 'none'),
  OPEN_METEO_URL: z._default(
    z.url({ error: 'must be a URL like https://api.open-meteo.com' }),
    'https://api.open-meteo.com',
  ),
  OPEN_METEO_TIMEOUT_MS: z._default(
    z.coerce.number().check(
      z.int({ error: 'must be a whole number of milliseconds' }),
      z.gte(100, { error: 'must be at least 100' }),
      // API Gateway gives up after 29 s; leave room for geocoding, the model and the log.
      z.lte(20_000, { error: 'must be at most 20000' }),
    ),
    2500,
  ),
  GAZETTEER_FILE: z.optional(z.string().check(z.minLength(1))),
  WEATHER_CSV_KEY: z._default(z.string().check(z.minLength(1)), 'weather.csv'),
});

export interface ForecastConfig {
  weatherProvider: 'none' | 'open-meteo';
  openMeteoUrl: string;
  openMeteoTimeoutMs: number;
  gazetteerFile?: string;
  weatherCsvKey: string;
}

/** rain-forecast's own settings (buckets and S3 come from @serverless-ml/config); throws naming every bad variable. */
export function loadForecastConfig(env: NodeJS.ProcessEnv = process.env): ForecastConfig {
  const e = parseEnv(envSchema, env);
  return {
    weatherProvider: e.WEATHER_PROVIDER,
    openMeteoUrl: e.OPEN_METEO_URL,
    openMeteoTimeoutMs: e.OPEN_METEO_TIMEOUT_MS,
    gazetteerFile: e.GAZETTEER_FILE,
    weatherCsvKey: e.WEATHER_CSV_KEY,
  };
}
