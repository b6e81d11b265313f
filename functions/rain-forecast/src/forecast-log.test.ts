import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ObjectStore } from '@serverless-ml/model-store';
import { mockClient } from 'aws-sdk-client-mock';
import { forecastLogKey, S3ForecastLog } from './forecast-log';

const s3Mock = mockClient(S3Client);

describe('forecastLogKey', () => {
  it('files a forecast under the UTC day of the request and its request id', () => {
    const at = new Date('2026-01-02T23:59:59.999Z');
    expect(forecastLogKey('c0ffee00-1234-4abc-9def-0123456789ab', at)).toBe(
      'forecasts/2026/01/02/c0ffee00-1234-4abc-9def-0123456789ab.json',
    );
  });

  it('never lets a request id escape its prefix', () => {
    expect(forecastLogKey('../../models/rain/latest', new Date('2026-01-02T00:00:00Z'))).toBe(
      'forecasts/2026/01/02/______models_rain_latest.json',
    );
  });
});

describe('S3ForecastLog', () => {
  beforeEach(() => s3Mock.reset());

  it('writes the record as JSON to the bucket', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const log = new S3ForecastLog(new ObjectStore(new S3Client({ region: 'us-east-1' }), 'models'));
    await log.write('req-1', new Date('2026-05-06T07:08:09Z'), { probability: 0.5 });
    const [call] = s3Mock.commandCalls(PutObjectCommand);
    expect(call.args[0].input).toMatchObject({
      Bucket: 'models',
      Key: 'forecasts/2026/05/06/req-1.json',
      ContentType: 'application/json',
    });
    expect(JSON.parse(String(call.args[0].input.Body))).toEqual({ probability: 0.5 });
  });
});
