import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import { type HistoryEvent, historyDetails } from './execution-history';
import { lambdaTasks } from './load-state-machine';
import { installWithResolvers } from './with-resolvers-polyfill';

installWithResolvers();

/** Calls a Lambda function by name with a JSON input; rejects with the function's error. */
export type InvokeLambda = (functionName: string, input: unknown) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** What DescribeExecution answers. */
export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
}

/** Step Functions' error: a name the SDK turns into the exception class, and a message. */
export class StepFunctionsApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

interface Execution {
  description: ExecutionDescription;
  history: HistoryEvent[];
  abort: () => void;
  done: Promise<void>;
}

const seconds = (ms: number) => ms / 1000;
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/**
 * Executions of registered state machines, run in this process by aws-local-stepfunctions, with
 * their Lambda Tasks sent to `invoke` (the embedded stack's Lambda API). Kept in memory: a restart
 * forgets them, which is what the jobs API reads as a lost execution.
 */
export class LocalExecutions {
  private readonly machines = new Map<string, Record<string, unknown>>();
  private readonly executions = new Map<string, Execution>();

  constructor(
    private readonly invoke: InvokeLambda,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Registers a definition under its ARN (`arn:aws:states:<region>:<account>:stateMachine:<name>`). */
  register(stateMachineArn: string, definition: Record<string, unknown>): void {
    this.machines.set(stateMachineArn, definition);
  }

  /** StartExecution: runs in the background; a name already used for this machine is refused. */
  start(stateMachineArn: string, name: string, input: string): ExecutionDescription {
    const definition = this.machines.get(stateMachineArn);
    if (!definition)
      throw new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new StepFunctionsApiError('InvalidName', `Invalid Name: '${name}'`);
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    if (this.executions.has(executionArn)) {
      throw new StepFunctionsApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new StepFunctionsApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const description: ExecutionDescription = {
      executionArn,
      stateMachineArn,
      name,
      status: 'RUNNING',
      startDate: seconds(Date.now()),
      input,
    };
    const handlers = Object.fromEntries(
      lambdaTasks(definition).map((task) => [
        task.state,
        (taskInput: unknown) => this.invoke(task.functionName, taskInput),
      ]),
    );
    const run = new StateMachine(definition as never).run(parsed as never, {
      overrides: { taskResourceLocalHandlers: handlers } as never,
      context: {
        Execution: { Id: executionArn, Name: name, Input: parsed as never, StartTime: new Date().toISOString() },
      },
    });
    const execution: Execution = { description, history: [], abort: run.abort, done: Promise.resolve() };
    execution.done = this.follow(execution, run);
    this.executions.set(executionArn, execution);
    this.log(`[step-functions] started ${name}`);
    return description;
  }

  private async follow(execution: Execution, run: ReturnType<StateMachine['run']>): Promise<void> {
    const record = async () => {
      for await (const event of run.eventLogs) {
        // Events inside Map iterations and Parallel branches carry an index: AWS keeps them apart.
        if ('index' in event && event.index !== undefined) continue;
        for (const details of historyDetails(event)) {
          const id = execution.history.length + 1;
          execution.history.push({ id, previousEventId: id - 1, timestamp: seconds(event.timestamp), ...details });
        }
      }
    };
    const recorded = record().catch(() => undefined);
    const { description } = execution;
    try {
      const output = await run.result;
      Object.assign(description, { status: 'SUCCEEDED', output: asText(output) });
    } catch (error) {
      if (error instanceof ExecutionAbortedError) description.status = 'ABORTED';
      else if (error instanceof ExecutionTimeoutError)
        Object.assign(description, { status: 'TIMED_OUT', error: 'States.Timeout' });
      else {
        // The library keeps the state's error (a Fail state's ErrorPath/CausePath) as the cause.
        const failure = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : error;
        const name = failure instanceof Error ? failure.name : 'States.Runtime';
        const message = failure instanceof Error ? failure.message : String(failure);
        Object.assign(description, { status: 'FAILED', error: name, cause: message });
      }
    }
    description.stopDate = seconds(Date.now());
    await recorded;
    if (description.status === 'ABORTED' && !execution.history.some((e) => e.type === 'ExecutionAborted')) {
      const id = execution.history.length + 1;
      execution.history.push({
        id,
        previousEventId: id - 1,
        timestamp: description.stopDate,
        type: 'ExecutionAborted',
      });
    }
    this.log(`[step-functions] ${description.name} ${description.status}`);
  }

  private get(executionArn: string): Execution {
    const execution = this.executions.get(executionArn);
    if (!execution)
      throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  /** DescribeExecution. */
  describe(executionArn: string): ExecutionDescription {
    return { ...this.get(executionArn).description };
  }

  /** GetExecutionHistory, oldest first (one page: executions here are short). */
  history(executionArn: string): HistoryEvent[] {
    return [...this.get(executionArn).history];
  }

  /** StopExecution: aborts a running execution; its Task in flight runs on, its result is dropped. */
  stop(executionArn: string): { stopDate: number } {
    const execution = this.get(executionArn);
    if (execution.description.status === 'RUNNING') execution.abort();
    return { stopDate: execution.description.stopDate ?? seconds(Date.now()) };
  }

  /** Waits for every execution to end (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.executions.values()].map((e) => e.done));
  }

  /** Aborts whatever still runs (the stack is stopping). */
  abortAll(): void {
    for (const execution of this.executions.values()) {
      if (execution.description.status === 'RUNNING') execution.abort();
    }
  }
}
