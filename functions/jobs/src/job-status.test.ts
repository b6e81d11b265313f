import { type ExecutionEvent, progressOf } from './job-status';

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s));
const entered = (name: string, s: number, input: unknown = {}, type = 'Task'): ExecutionEvent => ({
  type: `${type}StateEntered`,
  timestamp: at(s),
  stateEnteredEventDetails: { name, input: JSON.stringify(input) },
});
const exited = (name: string, s: number, type = 'Task'): ExecutionEvent => ({
  type: `${type}StateExited`,
  timestamp: at(s),
  stateExitedEventDetails: { name, output: '{}' },
});
const output = {
  request: { model: 'housing', promote: 'if-better' },
  train: { version: 'v2', algorithm: 'gbm', metrics: { r2: 0.84, rmse: 47000 } },
  evaluation: { promoted: 'v1', metric: 'r2', better: true, reason: 'gbm is better than linear (r2 0.84 vs 0.65)' },
  promotion: { promoted: true, from: 'v1', to: 'v2' },
};

describe('progressOf', () => {
  it('lists the steps entered so far while the pipeline runs', () => {
    const events = [entered('Validate', 0), exited('Validate', 1), entered('Train', 1)];
    expect(progressOf({ status: 'RUNNING', events })).toEqual({
      status: 'RUNNING',
      steps: [
        { name: 'Validate', status: 'SUCCEEDED', startedAt: at(0).toISOString(), endedAt: at(1).toISOString() },
        { name: 'Train', status: 'RUNNING', startedAt: at(1).toISOString() },
      ],
    });
  });

  it('reports the new version, its metrics and why it was promoted', () => {
    const events = ['Validate', 'Train', 'Evaluate', 'Promote'].flatMap((name, i) => [
      entered(name, i),
      exited(name, i + 1),
    ]);
    const progress = progressOf({ status: 'SUCCEEDED', stopDate: at(9), output: JSON.stringify(output), events });
    expect(progress.status).toBe('SUCCEEDED');
    expect(progress.endedAt).toBe(at(9).toISOString());
    expect(progress.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'Validate:SUCCEEDED',
      'Train:SUCCEEDED',
      'Evaluate:SUCCEEDED',
      'Promote:SUCCEEDED',
    ]);
    expect(progress.result).toEqual({
      version: 'v2',
      algorithm: 'gbm',
      metrics: { r2: 0.84, rmse: 47000 },
      promoted: true,
      reason: 'gbm is better than linear (r2 0.84 vs 0.65)',
      comparedWith: 'v1',
      metric: 'r2',
    });
  });

  it('says "always" when the policy promoted a version that was not better', () => {
    const always = {
      ...output,
      request: { model: 'housing', promote: 'always' },
      evaluation: { ...output.evaluation, better: false, reason: 'linear is not better than gbm' },
    };
    const progress = progressOf({ status: 'SUCCEEDED', output: JSON.stringify(always), events: [] });
    expect(progress.result?.reason).toBe('promote: "always" (linear is not better than gbm)');
  });

  it('reports a kept version as not promoted, with the evaluation as the reason', () => {
    const kept = {
      ...output,
      promotion: { promoted: false, reason: 'x' },
      evaluation: { ...output.evaluation, reason: 'not better' },
    };
    const progress = progressOf({ status: 'SUCCEEDED', output: JSON.stringify(kept), events: [] });
    expect(progress.result).toMatchObject({ promoted: false, reason: 'not better' });
  });

  it('names the failing step and the trainer message from the recorded failure', () => {
    const cause = JSON.stringify({ errorType: 'ValidationError', errorMessage: 'learningRate must be greater than 0' });
    const failure = { failure: { error: 'ValidationError', cause, step: 'Train' } };
    const events = [
      entered('Validate', 0),
      exited('Validate', 1),
      entered('Train', 1),
      { type: 'TaskFailed', timestamp: at(2), taskFailedEventDetails: { error: 'ValidationError', cause } },
      exited('Train', 2),
      entered('TrainFailed', 2, {}, 'Pass'),
      exited('TrainFailed', 2, 'Pass'),
      entered('Failed', 2, failure, 'Fail'),
    ];
    const progress = progressOf({ status: 'FAILED', stopDate: at(3), error: 'ValidationError', cause, events });
    expect(progress.error).toEqual({
      type: 'ValidationError',
      message: 'learningRate must be greater than 0',
      step: 'Train',
    });
    expect(progress.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['Validate:SUCCEEDED', 'Train:FAILED']);
  });

  it('ends the running step with the execution when it is aborted or times out', () => {
    const events = [entered('Validate', 0), exited('Validate', 1), entered('Train', 1)];
    const aborted = progressOf({ status: 'ABORTED', stopDate: at(5), events });
    expect(aborted.steps[1]).toMatchObject({ name: 'Train', status: 'ABORTED', endedAt: at(5).toISOString() });
    expect(aborted.error).toMatchObject({ type: 'Aborted', step: 'Train' });
    const timedOut = progressOf({ status: 'TIMED_OUT', stopDate: at(5), events });
    expect(timedOut.steps[1].status).toBe('TIMED_OUT');
    expect(timedOut.error).toMatchObject({ type: 'States.Timeout', step: 'Train' });
  });

  it('never reports success when the pipeline ended without a trained version', () => {
    const progress = progressOf({ status: 'SUCCEEDED', output: '{"request":{}}', events: [] });
    expect(progress.status).toBe('FAILED');
    expect(progress.error?.type).toBe('UnexpectedOutput');
  });
});
