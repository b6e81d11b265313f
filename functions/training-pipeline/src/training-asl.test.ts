import { join } from 'node:path';
import { lambdaTasks, loadStateMachine } from '@serverless-ml/step-functions-local';
import validateAsl from 'asl-validator';
import { PIPELINE_TIMEOUT_SECONDS } from './schema';

const file = join(__dirname, '../../../statemachines/training.asl.yml');
const vars = { region: 'eu-west-1', accountId: '123456789012', service: 'serverless-ml', stage: 'dev' };
const definition = loadStateMachine(file, vars);
const states = definition.States as Record<string, Record<string, unknown>>;

describe('statemachines/training.asl.yml', () => {
  it('is valid Amazon States Language once its variables are resolved', () => {
    const { isValid, errorsText } = validateAsl(definition);
    expect(errorsText('\n')).toBe('');
    expect(isValid).toBe(true);
  });

  it('is refused by the validator when a Next names no state (the check can fail)', () => {
    const broken = { ...definition, States: { ...states, Train: { ...states.Train, Next: 'Nowhere' } } };
    expect(validateAsl(broken).isValid).toBe(false);
  });

  it('calls the four functions by plain ARNs built from the stage', () => {
    expect(lambdaTasks(definition).map((t) => [t.state, t.functionName])).toEqual([
      ['Validate', 'serverless-ml-dev-training-validate'],
      ['Train', 'serverless-ml-dev-ml-train'],
      ['Evaluate', 'serverless-ml-dev-training-evaluate'],
      ['Promote', 'serverless-ml-dev-training-promote'],
    ]);
    expect(states.Train.Resource).toBe('arn:aws:lambda:eu-west-1:123456789012:function:serverless-ml-dev-ml-train');
  });

  it('gives every Task a timeout, retries of transient errors only, and a Catch recording its step', () => {
    for (const { state } of lambdaTasks(definition)) {
      const task = states[state];
      expect(task.TimeoutSeconds).toBeGreaterThan(0);
      const retried = (task.Retry as { ErrorEquals: string[] }[]).flatMap((r) => r.ErrorEquals);
      expect(retried).toEqual(expect.arrayContaining(['S3UnavailableError', 'Lambda.TooManyRequestsException']));
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('ValidationError');
      const [katch] = task.Catch as { ErrorEquals: string[]; Next: string }[];
      expect(katch.ErrorEquals).toEqual(['States.ALL']);
      expect(states[katch.Next]).toMatchObject({ Type: 'Pass', Next: 'Failed', Parameters: { step: state } });
    }
    expect(states.Failed).toMatchObject({ Type: 'Fail', ErrorPath: '$.failure.error' });
  });

  it('times out as a whole when the jobs API reports a job past its deadline', () => {
    expect(definition.TimeoutSeconds).toBe(PIPELINE_TIMEOUT_SECONDS);
    const steps = lambdaTasks(definition).map(({ state }) => Number(states[state].TimeoutSeconds));
    expect(steps.reduce((a, b) => a + b, 0)).toBeLessThan(PIPELINE_TIMEOUT_SECONDS);
  });
});
