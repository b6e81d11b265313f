import type { StateMachine } from 'aws-local-stepfunctions';

/** The library's event type (it does not export its name). */
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** One GetExecutionHistory event, in the shape AWS (and MiniStack) answer with. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  /** Epoch seconds, as the JSON protocol carries timestamps. */
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * The Step Functions history events an aws-local-stepfunctions event stands for:
 * `<Type>StateEntered`/`<Type>StateExited` with the state's input/output, `TaskFailed` with
 * the error and cause, and the execution's start and end. Map iterations are not recorded.
 */
export function historyDetails(event: EventLog): Array<{ type: string; [details: string]: unknown }> {
  switch (event.type) {
    case 'ExecutionStarted':
      return [{ type: 'ExecutionStarted', executionStartedEventDetails: { input: json(event.input) } }];
    case 'ExecutionSucceeded':
      return [{ type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: json(event.output) } }];
    case 'ExecutionFailed':
      return [{ type: 'ExecutionFailed', executionFailedEventDetails: { error: event.Error, cause: event.Cause } }];
    case 'ExecutionAborted':
      return [{ type: 'ExecutionAborted', executionAbortedEventDetails: {} }];
    case 'ExecutionTimeout':
      return [{ type: 'ExecutionTimedOut', executionTimedOutEventDetails: { error: 'States.Timeout' } }];
    case 'StateEntered':
      return [
        {
          type: `${event.state.type}StateEntered`,
          stateEnteredEventDetails: { name: event.state.name, input: json(event.state.input) },
        },
      ];
    case 'StateExited':
      return [
        {
          type: `${event.state.type}StateExited`,
          stateExitedEventDetails: { name: event.state.name, output: json(event.state.output) },
        },
      ];
    case 'StateFailed':
      return event.state.type === 'Task'
        ? [{ type: 'TaskFailed', taskFailedEventDetails: { error: event.Error, cause: event.Cause } }]
        : [];
    default:
      return [];
  }
}
