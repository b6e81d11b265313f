import { currentStep, hasEnded, jobRoute, nextPollMs, POLL_MS, RETRY_MS } from './job';

describe('nextPollMs', () => {
  it('reads a running job again every second and stops once it has ended', () => {
    expect(nextPollMs({ status: 'RUNNING' })).toBe(POLL_MS);
    for (const status of ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
      expect(nextPollMs({ status })).toBeUndefined();
    }
  });

  it('retries later after no answer, a 5xx or throttling, and gives up on any other 4xx', () => {
    for (const httpStatus of [0, 429, 502, 503]) expect(nextPollMs({ httpStatus })).toBe(RETRY_MS);
    for (const httpStatus of [400, 404, 409]) expect(nextPollMs({ httpStatus })).toBeUndefined();
  });
});

describe('currentStep, hasEnded and jobRoute', () => {
  it('finds the running step, else the last one', () => {
    const at = '2026-12-01T00:00:00Z';
    const validate = { name: 'Validate', status: 'SUCCEEDED' as const, startedAt: at, endedAt: at };
    const train = { name: 'Train', status: 'RUNNING' as const, startedAt: at };
    expect(currentStep({ steps: [validate, train] })).toBe(train);
    expect(currentStep({ steps: [validate] })).toBe(validate);
    expect(currentStep({ steps: [] })).toBeUndefined();
    expect(hasEnded('RUNNING')).toBe(false);
    expect(jobRoute('20261201-142341-f28de6')).toBe('jobs/20261201-142341-f28de6');
    expect(jobRoute('a/b')).toBe('jobs/a%2Fb');
  });
});
