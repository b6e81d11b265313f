import { buildJobRequest, DEFAULT_JOB_FORM } from './job-request';

describe('buildJobRequest', () => {
  it('sends the model, the algorithm and the promote policy, leaving blanks out', () => {
    expect(buildJobRequest({ ...DEFAULT_JOB_FORM, algorithm: 'linear' })).toEqual({
      ok: true,
      body: { model: 'housing', promote: 'if-better', algorithm: 'linear' },
    });
  });

  it('parses a seed and hyper-parameters as JSON for housing', () => {
    const request = buildJobRequest({
      ...DEFAULT_JOB_FORM,
      seed: ' -7 ',
      promote: 'always',
      hyperParameters: '{"learningRate": -1}',
    });
    expect(request).toEqual({
      ok: true,
      body: { model: 'housing', promote: 'always', algorithm: 'gbm', seed: -7, hyperParameters: { learningRate: -1 } },
    });
  });

  it('sends only the fields the chosen model takes, so the API does not refuse them', () => {
    const typed = { ...DEFAULT_JOB_FORM, seed: '3', hyperParameters: '{"gamma": 0.0005}' };
    expect(buildJobRequest({ ...typed, model: 'digits' })).toEqual({
      ok: true,
      body: { model: 'digits', promote: 'if-better', hyperParameters: { gamma: 0.0005 } },
    });
    expect(buildJobRequest({ ...typed, model: 'rain' })).toEqual({
      ok: true,
      body: { model: 'rain', promote: 'if-better', seed: 3 },
    });
    expect(buildJobRequest({ ...typed, model: 'stores' })).toEqual({
      ok: true,
      body: { model: 'stores', promote: 'if-better' },
    });
  });

  it('names the field when the seed is not a whole number', () => {
    for (const seed of ['4.5', 'abc', '1e3', '99999999999999999999']) {
      expect(buildJobRequest({ ...DEFAULT_JOB_FORM, seed })).toEqual({
        ok: false,
        field: 'seed',
        message: 'Seed must be a whole number, like 42.',
      });
    }
  });

  it('refuses hyper-parameters that are not JSON, or JSON that is not an object', () => {
    const bad = buildJobRequest({ ...DEFAULT_JOB_FORM, hyperParameters: '{learningRate: 1}' });
    expect(bad).toMatchObject({ ok: false, field: 'hyperParameters' });
    expect(bad.ok === false && bad.message).toMatch(/^Hyper-parameters: not JSON \(/);
    for (const text of ['[1, 2]', 'null', '3']) {
      expect(buildJobRequest({ ...DEFAULT_JOB_FORM, hyperParameters: text })).toEqual({
        ok: false,
        field: 'hyperParameters',
        message: 'Hyper-parameters: must be a JSON object, like {"learningRate": 0.05}.',
      });
    }
  });
});
