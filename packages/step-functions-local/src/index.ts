export type { HistoryEvent } from './execution-history';
export { LambdaTaskError, lambdaInvoker } from './invoke-lambda';
export {
  type DeployVariables,
  type LambdaTask,
  lambdaTasks,
  loadStateMachine,
  substituteVariables,
} from './load-state-machine';
export {
  type ExecutionDescription,
  type ExecutionStatus,
  type InvokeLambda,
  LocalExecutions,
  StepFunctionsApiError,
} from './local-executions';
export { type ExecutionOutcome, type LocalLambda, type LocalLambdaContext, runStateMachine } from './run-state-machine';
export { type StepFunctionsServer, startStepFunctionsServer } from './step-functions-server';
export { installWithResolvers } from './with-resolvers-polyfill';
