import path from 'node:path';
import {
  type InvokeLambda,
  LocalExecutions,
  lambdaInvoker,
  loadStateMachine,
  type StepFunctionsServer,
  startStepFunctionsServer,
} from '@serverless-ml/step-functions-local';
import type { StackSettings } from './settings';

// What `${aws:accountId}` resolves to under `sls offline` (offline-account-id.cjs), and the region
// serverless.yml defaults to: the jobs function's TRAINING_STATE_MACHINE_ARN has both.
const { LOCAL_ACCOUNT_ID } = require('./offline-account-id.cjs') as { LOCAL_ACCOUNT_ID: string };
const REGION = 'us-east-1';

/** The state machines serverless.yml deploys (stepFunctions.stateMachines), by name suffix and file. */
const STATE_MACHINES = [{ name: 'training', file: 'statemachines/training.asl.yml' }];

export interface EmbeddedStepFunctions {
  server: StepFunctionsServer;
  executions: LocalExecutions;
  /** Points the Tasks at serverless-offline's Lambda API once it is up. */
  connect(lambdaEndpoint: string): void;
  stop(): Promise<void>;
}

/**
 * Starts the embedded stack's Step Functions: the state machine files run in-process by
 * aws-local-stepfunctions, each Task invoking the real function through serverless-offline.
 */
export async function startStepFunctions(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<EmbeddedStepFunctions> {
  let invoke: InvokeLambda | undefined;
  const executions = new LocalExecutions((fn, input) => {
    if (!invoke) throw new Error('the Lambda API is not up yet');
    return invoke(fn, input);
  }, log);
  const vars = { region: REGION, accountId: LOCAL_ACCOUNT_ID, service: settings.service, stage: settings.stage };
  for (const machine of STATE_MACHINES) {
    const name = `${settings.service}-${settings.stage}-${machine.name}`;
    const arn = `arn:aws:states:${REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:${name}`;
    executions.register(arn, loadStateMachine(path.join(settings.serviceDir, machine.file), vars));
  }
  const server = await startStepFunctionsServer(executions, settings.host, settings.stepFunctionsPort);
  return {
    server,
    executions,
    connect(lambdaEndpoint) {
      invoke = lambdaInvoker(lambdaEndpoint, REGION);
    },
    async stop() {
      executions.abortAll();
      await server.close();
    },
  };
}
