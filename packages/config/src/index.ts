export { type AppConfig, loadConfig, s3EndpointFrom } from './load-config';

import './zod';

export { parseEnv } from './parse-env';
export { loadStepFunctionsSettings, type StepFunctionsSettings } from './step-functions-settings';
