import { UpstreamError } from '@serverless-ml/errors';
import type { ObjectStore } from '@serverless-ml/model-store';
import { parseWeatherCsv, type RecordedDay } from '@serverless-ml/rain-model';

/** Reads and parses the recorded weather (data/weather.csv, uploaded as `key`) from the data bucket. */
export function weatherCsvFrom(objects: ObjectStore, key = 'weather.csv'): () => Promise<RecordedDay[]> {
  const where = `s3://${objects.bucket}/${key}`;
  return async () => {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await objects.get(key);
    } catch (error) {
      throw new UpstreamError(`could not read the recorded weather from ${where}`, error);
    }
    if (bytes === undefined) {
      throw new UpstreamError(`the recorded weather is missing: upload data/weather.csv to ${where}`);
    }
    try {
      return parseWeatherCsv(Buffer.from(bytes).toString('utf8'));
    } catch (error) {
      throw new UpstreamError(`the recorded weather at ${where} is not valid: ${String(error)}`, error);
    }
  };
}
