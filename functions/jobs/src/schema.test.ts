import { ValidationError } from '@serverless-ml/errors';
import { parseJobsRequest } from './schema';

const http = (method: string, fields: Record<string, unknown> = {}) => ({
  version: '2.0',
  requestContext: { http: { method } },
  headers: {},
  ...fields,
});

describe('parseJobsRequest', () => {
  it('reads POST /jobs as a validated training request with the default policy', () => {
    const event = http('POST', { body: JSON.stringify({ model: 'housing', algorithm: 'gbm', seed: 7 }) });
    expect(parseJobsRequest(event)).toEqual({
      kind: 'start',
      request: { model: 'housing', promote: 'if-better', algorithm: 'gbm', seed: 7 },
    });
  });

  it('refuses a training request the pipeline would refuse, naming the field', () => {
    const wrongModel = http('POST', { body: '{"model": "cats"}' });
    expect(() => parseJobsRequest(wrongModel)).toThrow('model must be one of "digits", "rain", "stores", "housing"');
    const wrongField = http('POST', { body: '{"model": "stores", "seed": 3}' });
    expect(() => parseJobsRequest(wrongField)).toThrow('seed does not apply to model "stores"');
    const wrongPolicy = http('POST', { body: '{"model": "rain", "promote": "sometimes"}' });
    expect(() => parseJobsRequest(wrongPolicy)).toThrow('promote must be "always" or "if-better"');
    expect(() => parseJobsRequest(http('POST'))).toThrow('send a training request as JSON');
  });

  it('reads GET /jobs/{id} and DELETE /jobs/{id}', () => {
    const id = '20261201-120000000-abcdef';
    expect(parseJobsRequest(http('GET', { pathParameters: { id } }))).toEqual({ kind: 'read', jobId: id });
    expect(parseJobsRequest(http('DELETE', { pathParameters: { id } }))).toEqual({ kind: 'stop', jobId: id });
  });

  it('reads the page size and position of GET /jobs, within bounds', () => {
    expect(parseJobsRequest(http('GET'))).toEqual({ kind: 'list', limit: 20, after: undefined });
    const page = http('GET', { queryStringParameters: { limit: '5', after: '20261201-120000000-abcdef' } });
    expect(parseJobsRequest(page)).toEqual({ kind: 'list', limit: 5, after: '20261201-120000000-abcdef' });
    const refused = {
      '0': 'limit must be between 1 and 100, got 0',
      '101': 'limit must be between 1 and 100, got 101',
      '2.5': 'limit must be a whole number, got "2.5"',
      ten: 'limit must be a whole number, got "ten"',
    };
    for (const [limit, message] of Object.entries(refused)) {
      expect(() => parseJobsRequest(http('GET', { queryStringParameters: { limit } }))).toThrow(message);
    }
    const after = http('GET', { queryStringParameters: { after: 'yesterday' } });
    expect(() => parseJobsRequest(after)).toThrow('after must be a job id');
  });

  it('refuses query parameters a route does not take', () => {
    const event = http('GET', { pathParameters: { id: 'x' }, queryStringParameters: { verbose: '1' } });
    expect(() => parseJobsRequest(event)).toThrow('unknown parameter "verbose": GET /jobs/{id} takes none');
  });

  it('answers only API Gateway events', () => {
    expect(() => parseJobsRequest({ model: 'housing' })).toThrow(ValidationError);
  });
});
