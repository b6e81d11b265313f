import { join } from 'node:path';
import { lambdaTasks, loadStateMachine } from '@serverless-ml/step-functions-local';
import validateAsl from 'asl-validator';
import { BATCH_TIMEOUT_SECONDS } from './schema';

const file = join(__dirname, '../../../statemachines/batch-scoring.asl.yml');
const vars = { region: 'eu-west-1', accountId: '123456789012', service: 'serverless-ml', stage: 'dev' };
const definition = loadStateMachine(file, vars);
const states = definition.States as Record<string, Record<string, unknown>>;
const score = states.Score as Record<string, Record<string, unknown>>;
const shardState = (score.ItemProcessor.States as Record<string, Record<string, unknown>>).ScoreShard;

describe('statemachines/batch-scoring.asl.yml', () => {
  it('is valid Amazon States Language once its variables are resolved', () => {
    const { isValid, errorsText } = validateAsl(definition);
    expect(errorsText('\n')).toBe('');
    expect(isValid).toBe(true);
  });

  it('is refused by the validator when the Map has no ItemProcessor (the check can fail)', () => {
    const { ItemProcessor: _gone, ...broken } = score;
    expect(validateAsl({ ...definition, States: { ...states, Score: broken } }).isValid).toBe(false);
  });

  it('scores in a Distributed Map over the planned shards, as many at once as the plan says', () => {
    expect(score).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.plan.shards',
      MaxConcurrencyPath: '$.plan.concurrency',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      ItemSelector: { 'version.$': '$.plan.version', 'shard.$': '$$.Map.Item.Value' },
    });
    // Byte ranges from Plan, not an ItemReader (the local runner has none; see the file's header).
    expect(score.ItemReader).toBeUndefined();
  });

  it('calls the three functions by plain ARNs built from the stage, the shard inside the Map', () => {
    expect(lambdaTasks(definition).map((t) => [t.state, t.functionName])).toEqual([
      ['Plan', 'serverless-ml-dev-batch-plan'],
      ['Manifest', 'serverless-ml-dev-batch-manifest'],
      ['ScoreShard', 'serverless-ml-dev-batch-shard'],
    ]);
    expect(shardState.Resource).toBe('arn:aws:lambda:eu-west-1:123456789012:function:serverless-ml-dev-batch-shard');
  });

  it('gives every Task a timeout and retries of transient errors only; a failure records its step', () => {
    for (const task of [states.Plan, shardState, states.Manifest]) {
      expect(task.TimeoutSeconds).toBeGreaterThan(0);
      const retried = (task.Retry as { ErrorEquals: string[] }[]).flatMap((r) => r.ErrorEquals);
      expect(retried).toEqual(expect.arrayContaining(['S3UnavailableError', 'Lambda.TooManyRequestsException']));
      expect(retried).not.toContain('States.ALL');
      expect(retried).not.toContain('ValidationError');
    }
    for (const step of ['Plan', 'Score', 'Manifest']) {
      const [katch] = states[step].Catch as { ErrorEquals: string[]; Next: string }[];
      expect(katch.ErrorEquals).toEqual(['States.ALL']);
      expect(states[katch.Next]).toMatchObject({ Type: 'Pass', Next: 'Failed', Parameters: { step } });
    }
    expect(definition.TimeoutSeconds).toBe(BATCH_TIMEOUT_SECONDS);
  });
});
