import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { JobStatus } from './job-record';
import type { PipelineExecutions } from './jobs-service';

const STATUSES: readonly string[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

/** Every event of an execution, oldest first (GetExecutionHistory pages of up to 1000). */
async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** The training state machine through the Step Functions API (AWS, the emulator, or the embedded stack's). */
export function stepFunctionsExecutions(sfn: SFNClient, stateMachineArn: string): PipelineExecutions {
  return {
    arnOf: (name) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
    async start(name, input) {
      const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input }));
      if (!started.executionArn) throw new Error('StartExecution answered without an executionArn');
      return started.executionArn;
    },
    async snapshot(executionArn) {
      try {
        const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        const status = String(described.status);
        if (!STATUSES.includes(status)) throw new Error(`unknown execution status ${status}`);
        return {
          status: status as JobStatus,
          startDate: described.startDate,
          stopDate: described.stopDate,
          input: described.input,
          output: described.output,
          error: described.error,
          cause: described.cause,
          events: await history(sfn, executionArn),
        };
      } catch (error) {
        if (error instanceof ExecutionDoesNotExist) return undefined;
        throw error;
      }
    },
    async stop(executionArn) {
      await sfn.send(new StopExecutionCommand({ executionArn, cause: 'stopped through the jobs API' }));
    },
  };
}
