import type { DayObservation } from '@serverless-ml/rain-model';
import type { ResolvedPlace } from '../geocode';

/** Today's weather as a client may send it (all four, or none). */
export type TodayObservations = Omit<DayObservation, 'date'>;

/** Where the observations came from. */
export type ObservationSource = 'query' | 'recorded' | 'open-meteo';

export interface WeatherRequest {
  place: ResolvedPlace;
  /** YYYY-MM-DD: replay this recorded day (or, with observations, the day they were made). */
  date?: string;
  observations?: TodayObservations;
}

/** What happened the day after a replayed day: "was the forecast right?". */
export interface ActualOutcome {
  date: string;
  precipitation: number;
  /** precipitation > 0 mm, the model's definition of rain */
  rained: boolean;
}

export interface WeatherReport {
  source: ObservationSource;
  today: DayObservation;
  /** Days before today, newest first; may be empty. */
  previous: DayObservation[];
  /** For `recorded`: the recorded city the day was replayed from. */
  recordedAt?: string;
  /** For `recorded`: the next day as recorded. */
  actual?: ActualOutcome;
}

/** A source of today's weather; `undefined` when the request is not one it answers. */
export interface WeatherProvider {
  report(request: WeatherRequest): Promise<WeatherReport | undefined>;
}

/** Asks each provider in turn; the first report wins. */
export function firstWeather(providers: WeatherProvider[]): WeatherProvider {
  return {
    async report(request) {
      for (const provider of providers) {
        const report = await provider.report(request);
        if (report) return report;
      }
      return undefined;
    },
  };
}

/** Observations sent with the request: they always work and win. Undated ones are today's (UTC). */
export function queryWeather(now: () => Date = () => new Date()): WeatherProvider {
  return {
    async report({ observations, date }) {
      if (!observations) return undefined;
      return {
        source: 'query',
        today: { date: date ?? now().toISOString().slice(0, 10), ...observations },
        previous: [],
      };
    },
  };
}
