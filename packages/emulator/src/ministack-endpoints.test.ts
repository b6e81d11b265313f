import { miniStackUrl } from './ministack-endpoints.cjs';

describe('miniStackUrl', () => {
  it("turns serverless-localstack's LocalStack URL into MiniStack's path form on the given port", () => {
    const printed = 'POST - https://b996eea7.execute-api.localhost.localstack.cloud:4566/digits/predict';
    expect(miniStackUrl(printed, '4566')).toBe('POST - http://localhost:4566/_aws/execute-api/b996eea7/digits/predict');
  });

  it('keeps path parameters and rewrites an AWS-style host too', () => {
    const printed = 'GET - https://0a1b2c3d.execute-api.us-east-1.amazonaws.com/models/{name}';
    expect(miniStackUrl(printed, '4599')).toBe('GET - http://localhost:4599/_aws/execute-api/0a1b2c3d/models/{name}');
  });

  it('leaves anything that is not an execute-api URL alone', () => {
    expect(miniStackUrl('ml-train: serverless-ml-local-ml-train (342 kB)', '4566')).toBe(
      'ml-train: serverless-ml-local-ml-train (342 kB)',
    );
  });
});
