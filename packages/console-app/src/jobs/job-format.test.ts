import type { Job } from './job';
import { formatDuration, jobElapsedMs, jobOutcome, requestSummary, statusLabel, stepDurationMs } from './job-format';

const T0 = '2026-12-01T14:23:41.000Z';
const job = (over: Partial<Job>): Pick<Job, 'status' | 'steps' | 'result' | 'error'> => ({
  status: 'RUNNING',
  steps: [],
  ...over,
});

describe('formatDuration', () => {
  it('shows tenths under 10 s, then seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(9_949)).toBe('9.9 s');
    expect(formatDuration(12_131)).toBe('12 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(-5)).toBe('0.0 s');
  });
});

describe('stepDurationMs and jobElapsedMs', () => {
  it('measures an ended step from start to end, a running one until now', () => {
    expect(
      stepDurationMs({ name: 'Train', status: 'SUCCEEDED', startedAt: T0, endedAt: '2026-12-01T14:23:52.500Z' }, 0),
    ).toBe(11_500);
    expect(stepDurationMs({ name: 'Train', status: 'RUNNING', startedAt: T0 }, Date.parse(T0) + 3_000)).toBe(3_000);
  });

  it('adds the time since the answer only while the job runs', () => {
    expect(jobElapsedMs({ status: 'RUNNING', elapsedMs: 5_000 }, 700)).toBe(5_700);
    expect(jobElapsedMs({ status: 'FAILED', elapsedMs: 5_000 }, 700)).toBe(5_000);
  });
});

describe('jobOutcome', () => {
  it('names the running step, the version and whether it was promoted, or the error and its step', () => {
    const steps = [
      { name: 'Validate', status: 'SUCCEEDED' as const, startedAt: T0, endedAt: T0 },
      { name: 'Train', status: 'RUNNING' as const, startedAt: T0 },
    ];
    expect(jobOutcome(job({ steps }))).toBe('running Train');
    expect(jobOutcome(job({ steps: [] }))).toBe('running the first step');
    const result = { version: 'v1', metrics: {}, promoted: false, reason: 'r', comparedWith: 'v0', metric: 'r2' };
    expect(jobOutcome(job({ status: 'SUCCEEDED', result }))).toBe('v1: kept, not promoted');
    expect(jobOutcome(job({ status: 'SUCCEEDED', result: { ...result, promoted: true } }))).toBe('v1: promoted');
    const error = { type: 'ValidationError', message: 'learningRate must be > 0', step: 'Train' };
    expect(jobOutcome(job({ status: 'FAILED', error }))).toBe('ValidationError in Train: learningRate must be > 0');
    expect(jobOutcome(job({ status: 'ABORTED', error: { ...error, type: 'Aborted' } }))).toBe('stopped during Train');
  });
});

describe('statusLabel and requestSummary', () => {
  it('reads statuses and requests as words', () => {
    expect(statusLabel('TIMED_OUT')).toBe('timed out');
    expect(requestSummary({ model: 'housing', algorithm: 'gbm', seed: 7, promote: 'always' })).toBe(
      'gbm · seed 7 · promote always',
    );
    expect(requestSummary({ model: 'digits', hyperParameters: { gamma: 1 }, promote: 'if-better' })).toBe(
      '{"gamma":1} · promote if better',
    );
  });
});
