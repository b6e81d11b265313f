import { bucketNames, stackSettings } from './settings';

describe('stackSettings', () => {
  it('reads ports and the stage from the environment', () => {
    const s = stackSettings({ S3_PORT: '5000', HTTP_PORT: '5001', LAMBDA_PORT: '5002', STAGE: 'demo' });
    expect(s).toMatchObject({ s3Port: 5000, httpPort: 5001, lambdaPort: 5002, stage: 'demo' });
    expect(bucketNames(s)).toEqual({ data: 'serverless-ml-demo-data', models: 'serverless-ml-demo-models' });
  });

  it('names the variable holding a port that is not a number', () => {
    expect(() => stackSettings({ LAMBDA_PORT: 'abc' })).toThrow('LAMBDA_PORT must be a port number, got "abc"');
  });

  it('refuses an API port that fetch and browsers will not connect to', () => {
    expect(() => stackSettings({ HTTP_PORT: '6000' })).toThrow(/HTTP_PORT=6000 is a port browsers and fetch refuse/);
  });
});
