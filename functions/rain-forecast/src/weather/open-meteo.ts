import '@serverless-ml/config';
import { UpstreamError } from '@serverless-ml/errors';
import { type DayObservation, RECENT_WINDOW_DAYS } from '@serverless-ml/rain-model';
import * as z from 'zod/mini';
import type { WeatherProvider, WeatherReport, WeatherRequest } from './weather-provider';

const DAILY = ['precipitation_sum', 'temperature_2m_max', 'temperature_2m_min', 'wind_speed_10m_max'] as const;
const values = z.array(z.nullable(z.number()));
// The documented /v1/forecast answer, reduced to what we read.
const answerSchema = z.object({
  daily_units: z.object({
    precipitation_sum: z.string(),
    temperature_2m_max: z.string(),
    wind_speed_10m_max: z.string(),
  }),
  daily: z.object({
    time: z.array(z.string()),
    precipitation_sum: values,
    temperature_2m_max: values,
    temperature_2m_min: values,
    wind_speed_10m_max: values,
  }),
});
type Answer = z.infer<typeof answerSchema>;

const TO_METRES_PER_SECOND: Record<string, number> = { 'km/h': 1 / 3.6, 'm/s': 1, mph: 0.44704, kn: 0.514444 };

export interface OpenMeteoOptions {
  /** e.g. https://api.open-meteo.com (OPEN_METEO_URL) */
  baseUrl: string;
  /** Whole request, body included (OPEN_METEO_TIMEOUT_MS): far below API Gateway's 29 s. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

function toDays(answer: Answer): DayObservation[] {
  const { daily, daily_units: units } = answer;
  if (units.precipitation_sum !== 'mm' || units.temperature_2m_max !== '°C')
    throw new Error(`units are ${units.precipitation_sum} and ${units.temperature_2m_max}, expected mm and °C`);
  const wind = TO_METRES_PER_SECOND[units.wind_speed_10m_max];
  if (wind === undefined) throw new Error(`wind speed unit ${units.wind_speed_10m_max} is not one we convert`);
  return daily.time.flatMap((date, i) => {
    const [precipitation, max, min, speed] = DAILY.map((name) => daily[name][i]);
    if (precipitation == null || max == null || min == null || speed == null) return [];
    const day = { date, precipitation, temp_max: max, temp_min: min, wind: Math.round(speed * wind * 100) / 100 };
    return [day];
  });
}

/** Live daily weather from Open-Meteo (no key): today (local time at the place) and the week before it. */
export class OpenMeteoWeather implements WeatherProvider {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenMeteoOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  async report({ place }: WeatherRequest): Promise<WeatherReport> {
    const url = new URL('/v1/forecast', this.options.baseUrl);
    url.search = new URLSearchParams({
      latitude: place.latitude.toFixed(4),
      longitude: place.longitude.toFixed(4),
      daily: DAILY.join(','),
      timezone: 'auto',
      past_days: String(RECENT_WINDOW_DAYS),
      forecast_days: '1',
    }).toString();
    const answer = await this.get(url);
    let days: DayObservation[];
    try {
      days = toDays(answer);
    } catch (error) {
      throw new UpstreamError(`Open-Meteo's answer could not be used: ${String(error)}`, error);
    }
    const today = days.at(-1);
    // With forecast_days=1 the last day is today; a gap there means Open-Meteo has no data for it.
    if (!today || today.date !== answer.daily.time.at(-1)) {
      throw new UpstreamError(
        `Open-Meteo has no complete weather for today at ${url.searchParams.get('latitude')}, ${url.searchParams.get('longitude')}`,
      );
    }
    return { source: 'open-meteo', today, previous: days.slice(0, -1).reverse() };
  }

  private async get(url: URL): Promise<Answer> {
    let status: number;
    let text: string;
    try {
      const response = await this.fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
      status = response.status;
      text = await response.text();
    } catch (error) {
      // By name, not instanceof: AbortSignal.timeout rejects with a DOMException.
      const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      throw new UpstreamError(
        timedOut
          ? `Open-Meteo did not answer within ${this.options.timeoutMs} ms`
          : `could not reach Open-Meteo at ${url.origin} (${String(error)})`,
        error,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new UpstreamError(`Open-Meteo answered ${status} with something that is not JSON`);
    }
    if (status !== 200) {
      const reason = z.object({ reason: z.string() }).safeParse(body);
      throw new UpstreamError(`Open-Meteo answered ${status}${reason.success ? `: ${reason.data.reason}` : ''}`);
    }
    const parsed = answerSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UpstreamError(`Open-Meteo's answer has an unexpected shape: ${issue.path.join('.')} ${issue.message}`);
    }
    return parsed.data;
  }
}
