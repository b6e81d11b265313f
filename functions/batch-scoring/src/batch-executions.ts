import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { BatchExecutions } from './batch-runs';

/** The batch state machine through the Step Functions API (AWS, the emulator, or the embedded stack's runner). */
export function stepFunctionsBatchExecutions(sfn: SFNClient, stateMachineArn: string): BatchExecutions {
  const executionArn = (runId: string) => `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${runId}`;
  return {
    async start(runId, input) {
      await sfn.send(new StartExecutionCommand({ stateMachineArn, name: runId, input }));
    },
    async describe(runId) {
      try {
        const d = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(runId) }));
        return { status: String(d.status), output: d.output, error: d.error, cause: d.cause };
      } catch (error) {
        if (error instanceof ExecutionDoesNotExist) return undefined;
        throw error;
      }
    },
  };
}
