import { loadStepFunctionsSettings, type StepFunctionsSettings } from '@serverless-ml/config';

/** The batch-scoring state machine (BATCH_STATE_MACHINE_ARN) and where the batch API finds Step Functions. */
export function loadBatchSettings(env: NodeJS.ProcessEnv = process.env): StepFunctionsSettings {
  return loadStepFunctionsSettings('BATCH_STATE_MACHINE_ARN', env);
}
