import path from 'node:path';
import { S3ForecastLog } from '../../functions/rain-forecast/src/forecast-log';
import { forecastRain } from '../../functions/rain-forecast/src/forecast-rain';
import { loadGazetteer } from '../../functions/rain-forecast/src/gazetteer/load-gazetteer';
import { GazetteerGeocoder } from '../../functions/rain-forecast/src/geocode';
import { readForecastEvent } from '../../functions/rain-forecast/src/http-event';
import { OnnxRainPredictor } from '../../functions/rain-forecast/src/onnx-rain-predictor';
import { forecastResponse } from '../../functions/rain-forecast/src/respond';
import { parseForecastQuery } from '../../functions/rain-forecast/src/schema';
import { firstWeather, queryWeather } from '../../functions/rain-forecast/src/weather/weather-provider';
import { ModelStore, type ObjectStore } from '../../packages/model-store/src';
import { TRAINING_PLACES } from '../../packages/rain-model/src';
import { median, percentile, round, timeRuns } from './stats';

export interface RainDomainRuns {
  runs: number;
  warmup: number;
  logRuns: number;
}

const percentilesUs = (samplesMs: number[]) => ({
  p50: round(median(samplesMs) * 1000, 1),
  p99: round(percentile(samplesMs, 99) * 1000, 1),
});

/**
 * rain-forecast's warm path in this process, with its real ports (the gazetteer written beside
 * the bundle, the ONNX model read from the stack's S3): the handler's steps with the forecast
 * log replaced by a no-op, the prediction alone (features + ONNX Runtime), and the S3 log write
 * alone. Also returns the probability the cold-start children must reproduce.
 */
export async function measureRainDomain(
  event: unknown,
  s3: { models: ObjectStore; bundleDir: string },
  o: RainDomainRuns,
) {
  const gazetteer = loadGazetteer([path.join(s3.bundleDir, 'cities.gaz')]);
  const noLog = { write: async () => {} };
  const deps = {
    geocoder: new GazetteerGeocoder(() => gazetteer),
    // The query's observations always win, so the recorded and live sources are never reached.
    weather: firstWeather([queryWeather()]),
    predictor: new OnnxRainPredictor(new ModelStore(s3.models), 5000, () => {}),
    forecastLog: noLog,
    trainingPlaces: TRAINING_PLACES,
  };
  // The handler's body (handler.ts `forecast`), minus middy and with the no-op log.
  const answer = async () => {
    const { http, params, accept } = readForecastEvent(event);
    const result = await forecastRain({ query: parseForecastQuery(params), requestId: 'bench' }, deps);
    return http ? forecastResponse(result, accept) : result;
  };
  const first = await answer();
  if (!('statusCode' in first)) throw new Error('expected an API Gateway answer');
  const forecast = JSON.parse(first.body) as { probability: number };
  const noLogMs = await timeRuns(answer, o.runs, o.warmup);

  const query = parseForecastQuery(readForecastEvent(event).params);
  const place = await deps.geocoder.locate(query.where);
  const report = await deps.weather.report({ place, observations: query.observations });
  if (!report) throw new Error('no weather for the query');
  const predictMs = await timeRuns(
    () => deps.predictor.predict(report.today, place, report.previous),
    o.runs,
    o.warmup,
  );

  const log = new S3ForecastLog(s3.models);
  const record = { at: new Date().toISOString(), query, ...forecast };
  const writeMs = await timeRuns((i) => log.write(`bench-${i}`, new Date(), record), o.logRuns, 10);

  const noLogUs = percentilesUs(noLogMs);
  const predictUs = percentilesUs(predictMs);
  const writeUs = percentilesUs(writeMs);
  return {
    probability: forecast.probability,
    figures: {
      warm_no_log_p50_us: noLogUs.p50,
      warm_no_log_p99_us: noLogUs.p99,
      predict_p50_us: predictUs.p50,
      predict_p99_us: predictUs.p99,
      domain_runs: o.runs,
      log_write_p50_us: writeUs.p50,
      log_write_p99_us: writeUs.p99,
      log_write_runs: o.logRuns,
    },
  };
}
