import { loadStepFunctionsSettings, type StepFunctionsSettings } from '@serverless-ml/config';

/** The training state machine (TRAINING_STATE_MACHINE_ARN) and where the jobs function finds Step Functions. */
export function loadJobsSettings(env: NodeJS.ProcessEnv = process.env): StepFunctionsSettings {
  return loadStepFunctionsSettings('TRAINING_STATE_MACHINE_ARN', env);
}
