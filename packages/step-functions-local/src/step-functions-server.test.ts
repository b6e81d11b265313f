import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { LambdaTaskError } from './invoke-lambda';
import { LocalExecutions } from './local-executions';
import { type StepFunctionsServer, startStepFunctionsServer } from './step-functions-server';

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:test-machine';
const fn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const definition = {
  StartAt: 'Double',
  States: {
    Double: { Type: 'Task', Resource: fn('double'), Next: 'Check' },
    Check: { Type: 'Task', Resource: fn('check'), End: true },
  },
};

let release: () => void = () => undefined;
const functions: Record<string, (input: unknown) => Promise<unknown>> = {
  double: async (input) => ({ n: (input as { n: number }).n * 2 }),
  check: async (input) => {
    const { n } = input as { n: number };
    if (n < 0) throw new LambdaTaskError('ValidationError', JSON.stringify({ errorMessage: 'n must not be negative' }));
    if (n === 0) await new Promise<void>((resolve) => (release = resolve));
    return { n, ok: true };
  },
};

let executions: LocalExecutions;
let server: StepFunctionsServer;
let sfn: SFNClient;

beforeAll(async () => {
  executions = new LocalExecutions((name, input) => functions[name](input));
  executions.register(ARN, definition);
  server = await startStepFunctionsServer(executions, '127.0.0.1', 0);
  sfn = new SFNClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
});
afterAll(async () => {
  release();
  await executions.settled();
  sfn.destroy();
  await server.close();
});

const start = (name: string, input: unknown) =>
  sfn.send(new StartExecutionCommand({ stateMachineArn: ARN, name, input: JSON.stringify(input) }));
const describe_ = (executionArn: string) => sfn.send(new DescribeExecutionCommand({ executionArn }));

describe('the embedded Step Functions API', () => {
  it('runs an execution through its Tasks and describes it as AWS does', async () => {
    const { executionArn } = await start('ok', { n: 2 });
    expect(executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:test-machine:ok');
    await executions.settled();
    const described = await describe_(executionArn as string);
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'ok', output: JSON.stringify({ n: 4, ok: true }) });
    expect(described.startDate).toBeInstanceOf(Date);
    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events?.[1].stateEnteredEventDetails).toEqual({ name: 'Double', input: '{"n":2}' });
  });

  it("fails an execution with the Task's error type and cause", async () => {
    const { executionArn } = await start('negative', { n: -1 });
    await executions.settled();
    expect(await describe_(executionArn as string)).toMatchObject({
      status: 'FAILED',
      error: 'ValidationError',
      cause: JSON.stringify({ errorMessage: 'n must not be negative' }),
    });
  });

  it('stops a running execution: ABORTED', async () => {
    const { executionArn } = await start('stopped', { n: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await describe_(executionArn as string)).status).toBe('RUNNING');
    await sfn.send(new StopExecutionCommand({ executionArn }));
    await executions.settled();
    expect((await describe_(executionArn as string)).status).toBe('ABORTED');
  });

  it("answers AWS's errors for an unknown execution, machine or a reused name", async () => {
    await expect(describe_(`${ARN.replace('stateMachine', 'execution')}:nope`)).rejects.toThrow(ExecutionDoesNotExist);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${ARN}-x`, name: 'a', input: '{}' })),
    ).rejects.toThrow(StateMachineDoesNotExist);
    await expect(start('ok', { n: 1 })).rejects.toThrow('Execution Already Exists');
  });
});

describe('lambdaInvoker', () => {
  it('reports a Lambda API that does not answer as Lambda.SdkClientException, which the pipeline retries', async () => {
    const { lambdaInvoker } = await import('./invoke-lambda');
    // A port nothing listens on: the closed server's.
    const closed = await startStepFunctionsServer(new LocalExecutions(async () => null), '127.0.0.1', 0);
    await closed.close();
    const invoke = lambdaInvoker(closed.endpoint, 'us-east-1');
    await expect(invoke('serverless-ml-dev-ml-train', {})).rejects.toMatchObject({ name: 'Lambda.SdkClientException' });
  });
});
