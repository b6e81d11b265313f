import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { createS3Client, ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { TRAINING_PLACES } from '@serverless-ml/rain-model';
import type { Context } from 'aws-lambda';
import { loadForecastConfig } from './config';
import { S3ForecastLog } from './forecast-log';
import { forecastRain } from './forecast-rain';
import { gazetteerCandidates, loadGazetteer } from './gazetteer/load-gazetteer';
import { GazetteerGeocoder } from './geocode';
import { readForecastEvent } from './http-event';
import { OnnxRainPredictor } from './onnx-rain-predictor';
import { forecastResponse } from './respond';
import { parseForecastQuery } from './schema';
import { OpenMeteoWeather } from './weather/open-meteo';
import { RecordedWeather } from './weather/recorded-weather';
import { weatherCsvFrom } from './weather/weather-csv-source';
import { firstWeather, queryWeather } from './weather/weather-provider';

const config = loadConfig();
const settings = loadForecastConfig();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const models = new ObjectStore(s3, config.modelBucket);
// Opened during init (a few ms), so a missing gazetteer fails the cold start, not a request.
const gazetteer = loadGazetteer(gazetteerCandidates(settings.gazetteerFile));
const deps = {
  geocoder: new GazetteerGeocoder(() => gazetteer),
  weather: firstWeather([
    queryWeather(),
    new RecordedWeather(
      weatherCsvFrom(new ObjectStore(s3, config.dataBucket), settings.weatherCsvKey),
      TRAINING_PLACES,
    ),
    ...(settings.weatherProvider === 'open-meteo'
      ? [new OpenMeteoWeather({ baseUrl: settings.openMeteoUrl, timeoutMs: settings.openMeteoTimeoutMs })]
      : []),
  ]),
  predictor: new OnnxRainPredictor(new ModelStore(models), config.modelPointerTtlMs),
  forecastLog: new S3ForecastLog(models),
  trainingPlaces: TRAINING_PLACES,
};

async function forecast(event: unknown, context: Context) {
  const { http, params, accept } = readForecastEvent(event);
  const result = await forecastRain({ query: parseForecastQuery(params), requestId: context.awsRequestId }, deps);
  return http ? forecastResponse(result, accept) : result;
}

/** `GET /rain-forecast?city=Seattle` (or lat/long, country, date, today's observations); also direct invocation. */
export const handler = middy(forecast, handlerOptions).use(errorResponder());
