import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpstreamError } from '@serverless-ml/errors';
import { ObjectStore } from '@serverless-ml/model-store';
import { mockClient } from 'aws-sdk-client-mock';
import { weatherCsvFrom } from './weather-csv-source';

const s3Mock = mockClient(S3Client);
const objects = new ObjectStore(new S3Client({ region: 'us-east-1' }), 'data-bucket');
const body = (text: string) => ({ Body: { transformToByteArray: async () => new TextEncoder().encode(text) } });

describe('weatherCsvFrom', () => {
  beforeEach(() => s3Mock.reset());

  it('reads and parses weather.csv from the data bucket', async () => {
    const csv = 'location,date,precipitation,temp_max,temp_min,wind\nSeattle,2012-01-01,0.0,12.8,5.0,4.7\n';
    s3Mock.on(GetObjectCommand, { Bucket: 'data-bucket', Key: 'weather.csv' }).resolves(body(csv) as never);
    await expect(weatherCsvFrom(objects)()).resolves.toEqual([
      { location: 'Seattle', date: '2012-01-01', precipitation: 0, temp_max: 12.8, temp_min: 5, wind: 4.7 },
    ]);
  });

  it('returns 503 saying what to upload when the file is missing', async () => {
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('missing'), { name: 'NoSuchKey' }));
    const load = weatherCsvFrom(objects)();
    await expect(load).rejects.toThrow(UpstreamError);
    await expect(load).rejects.toThrow('upload data/weather.csv to s3://data-bucket/weather.csv');
  });

  it('returns 503 naming the file when it is not valid', async () => {
    s3Mock.on(GetObjectCommand).resolves(body('city,when\nSeattle,yesterday\n') as never);
    await expect(weatherCsvFrom(objects)()).rejects.toThrow(/s3:\/\/data-bucket\/weather.csv is not valid: .*header/);
  });
});
