import { ValidationError } from '@serverless-ml/errors';
import type { TrainingPlace } from '@serverless-ml/rain-model';
import type { ForecastLog } from './forecast-log';
import type { Geocoder, PlaceQuery, ResolvedPlace } from './geocode';
import type { RainPredictor } from './rain-predictor';
import { type TrainingCaveat, trainingCaveat } from './training-caveat';
import { addDays } from './weather/day-arithmetic';
import type { ActualOutcome, TodayObservations, WeatherProvider, WeatherReport } from './weather/weather-provider';

export interface ForecastQuery {
  where: PlaceQuery;
  date?: string;
  observations?: TodayObservations;
  /** A pinned rain model version; the promoted one when absent. */
  version?: string;
}

export interface ForecastDeps {
  geocoder: Geocoder;
  weather: WeatherProvider;
  predictor: RainPredictor;
  forecastLog: ForecastLog;
  trainingPlaces: readonly TrainingPlace[];
  now?: () => Date;
  logError?: (line: string) => void;
}

export interface RainForecast {
  /** P(rain on `forecastFor`), 0..1 */
  probability: number;
  rainTomorrow: boolean;
  forecastFor: string;
  place: ResolvedPlace;
  observations: Omit<WeatherReport, 'actual'>;
  /** Replayed days only: what happened, and whether the forecast (probability ≥ 0.5) was right. */
  actual?: ActualOutcome & { forecastWasRight: boolean };
  modelVersion: string;
  caveat: TrainingCaveat;
  requestId: string;
  /** True only once the forecast record is stored (`forecasts/…/<requestId>.json`); false when S3 refused it. */
  logged: boolean;
}

function noWeather(trainingPlaces: readonly TrainingPlace[]): ValidationError {
  return new ValidationError(
    "today's weather is needed: send precipitation, temp_max, temp_min and wind, or date=YYYY-MM-DD to replay " +
      `a recorded day in ${trainingPlaces.map((p) => p.name).join(' or ')} (this deployment fetches no live weather)`,
  );
}

/** Will it rain tomorrow? Geocodes, gets today's weather, predicts, adds the caveat and logs the forecast. */
export async function forecastRain(
  request: { query: ForecastQuery; requestId: string },
  deps: ForecastDeps,
): Promise<RainForecast> {
  const { query, requestId } = request;
  const now = deps.now?.() ?? new Date();
  const place = await deps.geocoder.locate(query.where);
  const report = await deps.weather.report({ place, date: query.date, observations: query.observations });
  if (!report) throw noWeather(deps.trainingPlaces);
  const { probability, modelVersion } = await deps.predictor.predict(
    report.today,
    place,
    report.previous,
    query.version,
  );
  const rainTomorrow = probability >= 0.5;
  const { actual, ...observations } = report;
  const forecast: Omit<RainForecast, 'logged'> = {
    probability: Math.round(probability * 10_000) / 10_000,
    rainTomorrow,
    forecastFor: addDays(report.today.date, 1),
    place,
    observations,
    actual: actual && { ...actual, forecastWasRight: actual.rained === rainTomorrow },
    modelVersion,
    caveat: trainingCaveat(place, deps.trainingPlaces),
    requestId,
  };
  try {
    await deps.forecastLog.write(requestId, now, { at: now.toISOString(), query, ...forecast });
    return { ...forecast, logged: true };
  } catch (error) {
    // The client still gets the forecast, told that it was not logged: the log is for later
    // analysis, and the forecast is right either way. (The S3 client already retried once.)
    (deps.logError ?? console.error)(
      JSON.stringify({ level: 'error', msg: 'forecast not logged', requestId, error: String(error) }),
    );
    return { ...forecast, logged: false };
  }
}
