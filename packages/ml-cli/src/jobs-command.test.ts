import { parseCommand, UsageError } from './parse-args';
import { formatJob, type JobView } from './run-jobs';

describe('ml jobs: the command line', () => {
  it('builds the training request from start’s options', () => {
    const argv = ['jobs', 'start', 'housing', '--algorithm', 'mlp', '--seed', '7', '--promote', 'always', '--wait'];
    expect(parseCommand([...argv, '--params', '{"epochs": 20}', '--dataset', 'big.csv'])).toEqual({
      kind: 'jobs-start',
      request: {
        model: 'housing',
        algorithm: 'mlp',
        seed: 7,
        promote: 'always',
        hyperParameters: { epochs: 20 },
        datasetKey: 'big.csv',
      },
      wait: true,
      json: false,
      url: undefined,
    });
  });

  it('reads status, list and stop', () => {
    expect(parseCommand(['jobs', 'status', 'j1', '--wait'])).toMatchObject({
      kind: 'jobs-status',
      jobId: 'j1',
      wait: true,
    });
    expect(parseCommand(['jobs', 'list', '--limit', '5'])).toMatchObject({ kind: 'jobs-list', limit: 5 });
    expect(parseCommand(['jobs', 'stop', 'j1', '--url', 'http://x'])).toMatchObject({
      kind: 'jobs-stop',
      url: 'http://x',
    });
  });

  it.each([
    [['jobs', 'start'], 'jobs start needs a model'],
    [['jobs', 'start', 'rain', '--seed', '1.5'], '--seed must be a whole number, got "1.5"'],
    [['jobs', 'start', 'rain', '--promote', 'maybe'], '--promote is always or if-better, not "maybe"'],
    [['jobs', 'start', 'digits', '--params', '[1]'], '--params must be a JSON object'],
    [['jobs', 'status', 'j1', '--algorithm', 'gbm'], '--algorithm is for jobs start'],
    [['jobs', 'list', '--limit', '0'], '--limit must be a whole number from 1 to 100, got "0"'],
    [['jobs', 'stop', 'j1', '--wait'], '--wait is for jobs start and jobs status'],
    [['jobs', 'restart'], 'unknown jobs command "restart"'],
  ])('refuses %j, saying why', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});

describe('formatJob', () => {
  const base: JobView = {
    jobId: '20261201-143012-a1b2c3',
    model: 'housing',
    status: 'SUCCEEDED',
    submittedAt: '2026-12-01T14:30:12.000Z',
    elapsedMs: 12_345,
    steps: [
      {
        name: 'Train',
        status: 'SUCCEEDED',
        startedAt: '2026-12-01T14:30:13.000Z',
        endedAt: '2026-12-01T14:30:21.500Z',
      },
    ],
  };

  it('says which version stays promoted when the new one was kept', () => {
    const kept = {
      ...base,
      result: {
        version: 'v2',
        algorithm: 'gbm',
        metrics: { r2: 0.83901 },
        promoted: false,
        reason: 'gbm is not better than gbm (r2 0.839 vs 0.839)',
        comparedWith: 'v1',
      },
    };
    expect(formatJob(kept)).toBe(
      [
        'job 20261201-143012-a1b2c3 (housing): SUCCEEDED after 12.3 s',
        '  Train     SUCCEEDED 8.5 s',
        '  version   housing@v2 (gbm): r2 0.839',
        '  kept      gbm is not better than gbm (r2 0.839 vs 0.839); housing@v1 stays promoted',
      ].join('\n'),
    );
  });

  it('names the error and the step of a failed job', () => {
    const failed = {
      ...base,
      status: 'FAILED',
      error: { type: 'ValidationError', message: 'bad rate', step: 'Train' },
    };
    expect(formatJob(failed)).toContain('  error     ValidationError in Train: bad rate');
  });
});
