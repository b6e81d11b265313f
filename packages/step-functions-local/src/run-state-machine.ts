import {
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { lambdaTasks } from './load-state-machine';
import { installWithResolvers } from './with-resolvers-polyfill';

installWithResolvers();

/** A Lambda handler as deployed: event and context in, result out (middy handlers fit). */
export type LocalLambda = (event: unknown, context: LocalLambdaContext) => Promise<unknown>;

/** The part of Lambda's context our handlers read: middy's early timeout needs the remaining time. */
export interface LocalLambdaContext {
  functionName: string;
  awsRequestId: string;
  getRemainingTimeInMillis: () => number;
}

/** How an execution ended, in Step Functions' own terms (DescribeExecution's status, error, cause). */
export type ExecutionOutcome = { states: StateVisit[] } & (
  | { status: 'SUCCEEDED'; output: unknown }
  /** `failState`: the Fail state's input (what GetExecutionHistory's FailStateEntered shows on AWS). */
  | { status: 'FAILED'; error: string; cause: string; failState?: { name: string; input: unknown } }
  | { status: 'TIMED_OUT'; error: 'States.Timeout'; cause: string }
);

/** One state the execution entered, in order, with its input (from the library's event log). */
export interface StateVisit {
  name: string;
  type: string;
  enteredAt: number;
  input: unknown;
}

/** A Lambda error as Step Functions reports it: the error is the type, the cause a JSON document. */
class LambdaFunctionError extends Error {
  constructor(error: unknown) {
    const type = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    super(JSON.stringify({ errorType: type, errorMessage: message }));
    this.name = type;
  }
}

/**
 * Wraps `fn` as the in-process stand-in for its Lambda: a context whose remaining time is the
 * Task's timeout, JSON in and out (as Lambda's invoke would), and errors named as Lambda names them.
 */
function localInvoke(functionName: string, fn: LocalLambda, timeoutSeconds: number) {
  let invocation = 0;
  return async (input: unknown) => {
    const deadline = Date.now() + timeoutSeconds * 1000;
    const context = {
      functionName,
      awsRequestId: `local-${functionName}-${++invocation}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    try {
      const result = await fn(JSON.parse(JSON.stringify(input ?? null)), context);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (error) {
      throw new LambdaFunctionError(error);
    }
  };
}

/**
 * Runs a state machine definition in-process with aws-local-stepfunctions, each Lambda Task
 * calling `functions[<function name in its ARN>]` instead of AWS. A Task whose function is not
 * given is an error before anything runs, so no call ever leaves the process.
 */
export async function runStateMachine(
  definition: Record<string, unknown>,
  input: unknown,
  functions: Record<string, LocalLambda>,
): Promise<ExecutionOutcome> {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  const taskStates = (definition.States ?? {}) as Record<string, { TimeoutSeconds?: number }>;
  for (const task of lambdaTasks(definition)) {
    const fn = functions[task.functionName];
    if (!fn) throw new Error(`no local handler for ${task.functionName} (Task ${task.state}, ${task.arn})`);
    handlers[task.state] = localInvoke(task.functionName, fn, taskStates[task.state]?.TimeoutSeconds ?? 60);
  }
  const machine = new StateMachine(definition as unknown as StateMachineDefinition);
  // The library's handler type is JSONValue in and out; ours pass JSON through localInvoke.
  const overrides = { taskResourceLocalHandlers: handlers } as never;
  const execution = machine.run(input as never, { overrides });
  const states: StateVisit[] = [];
  const logged = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type !== 'StateEntered') continue;
      states.push({
        name: event.state.name,
        type: event.state.type,
        enteredAt: event.timestamp,
        input: event.state.input,
      });
    }
  })();
  try {
    const output = await execution.result;
    await logged;
    return { status: 'SUCCEEDED', output, states };
  } catch (error) {
    await logged.catch(() => undefined);
    if (error instanceof ExecutionTimeoutError) {
      return { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'the execution passed its TimeoutSeconds', states };
    }
    if (!(error instanceof ExecutionError)) throw error;
    // The library keeps the state's error (a Fail state's ErrorPath/CausePath) as the cause.
    const failure = error.cause instanceof Error ? error.cause : error;
    const last = states.at(-1);
    const failState = last?.type === 'Fail' ? { name: last.name, input: last.input } : undefined;
    return { status: 'FAILED', error: failure.name, cause: failure.message, failState, states };
  }
}
