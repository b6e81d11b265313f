import { loadConfig } from './load-config';

const base = { DATA_BUCKET: 'my-data', MODEL_BUCKET: 'my-models' };

describe('loadConfig', () => {
  it('names the missing variable', () => {
    expect(() => loadConfig({ MODEL_BUCKET: 'x-models' })).toThrow(/DATA_BUCKET/);
  });

  it('uses AWS endpoints when nothing points elsewhere', () => {
    expect(loadConfig(base).s3Endpoint).toBeUndefined();
  });

  it('points at the embedded stack when run by serverless-offline', () => {
    expect(loadConfig({ ...base, IS_OFFLINE: 'true', EMBEDDED_S3_PORT: '5000' }).s3Endpoint).toBe(
      'http://127.0.0.1:5000',
    );
  });

  it('prefers an explicit S3_ENDPOINT over LocalStack hints', () => {
    const config = loadConfig({ ...base, S3_ENDPOINT: 'http://s3.test:1', LOCALSTACK_HOSTNAME: 'ls' });
    expect(config.s3Endpoint).toBe('http://s3.test:1');
  });

  it('uses the LocalStack host inside a LocalStack Lambda', () => {
    expect(loadConfig({ ...base, LOCALSTACK_HOSTNAME: '172.17.0.2' }).s3Endpoint).toBe('http://172.17.0.2:4566');
  });
});

describe('loadConfig credentials', () => {
  it("uses s3rver's fixed credentials for the embedded stack", () => {
    expect(loadConfig({ ...base, IS_LOCAL: 'true' }).s3Credentials).toEqual({
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
  });

  it('leaves AWS credentials to the SDK chain', () => {
    expect(loadConfig(base).s3Credentials).toBeUndefined();
  });
});
