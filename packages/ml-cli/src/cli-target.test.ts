import { resolveTarget } from './cli-target';

const none = { aws: false };

describe('resolveTarget', () => {
  it("defaults to the embedded stack's s3rver and the dev model bucket", () => {
    expect(resolveTarget(none, {})).toEqual({
      s3: {
        region: 'us-east-1',
        endpoint: 'http://127.0.0.1:4569',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      },
      bucket: 'serverless-ml-dev-models',
      endpoint: 'http://127.0.0.1:4569',
      embedded: true,
    });
  });

  it('follows S3_PORT, STAGE, S3_ENDPOINT and MODEL_BUCKET from the environment', () => {
    expect(resolveTarget(none, { S3_PORT: '5000', STAGE: 'e2e' })).toMatchObject({
      endpoint: 'http://127.0.0.1:5000',
      bucket: 'serverless-ml-e2e-models',
    });
    expect(resolveTarget(none, { S3_ENDPOINT: 'http://ls:4566', MODEL_BUCKET: 'm' })).toMatchObject({
      endpoint: 'http://ls:4566',
      bucket: 'm',
      embedded: false,
    });
  });

  it('lets flags win over the environment', () => {
    const target = resolveTarget(
      { aws: false, endpoint: 'http://flag:1', bucket: 'flag-bucket' },
      { S3_ENDPOINT: 'http://env:1', MODEL_BUCKET: 'env-bucket' },
    );
    expect(target).toMatchObject({ endpoint: 'http://flag:1', bucket: 'flag-bucket' });
    expect(resolveTarget({ aws: false, stage: 'prod' }, { STAGE: 'dev' }).bucket).toBe('serverless-ml-prod-models');
  });

  it('uses AWS with the default credentials chain for --aws', () => {
    expect(resolveTarget({ aws: true }, { AWS_REGION: 'eu-west-1', S3_ENDPOINT: 'http://ignored' })).toEqual({
      s3: { region: 'eu-west-1' },
      bucket: 'serverless-ml-dev-models',
      embedded: false,
    });
  });
});
