import * as z from 'zod/mini';
import { parseEnv } from './parse-env';

const STATE_MACHINE_ARN = /^arn:aws:states:[^:]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/;

const endpointEnv = {
  STEPFUNCTIONS_ENDPOINT: z.optional(z.string()),
  AWS_ENDPOINT_URL_SFN: z.optional(z.string()),
  AWS_ENDPOINT_URL: z.optional(z.string()),
  LOCALSTACK_HOSTNAME: z.optional(z.string()),
  EDGE_PORT: z.optional(z.string()),
  IS_OFFLINE: z.optional(z.string()),
  EMBEDDED_STEPFUNCTIONS_PORT: z._default(z.string(), '8083'),
};

/** A state machine and where a function finds Step Functions to run it. */
export interface StepFunctionsSettings {
  stateMachineArn: string;
  /** undefined: AWS's own endpoint. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Reads a state machine's ARN from `arnVariable` (serverless.yml sets it) and picks the Step
 * Functions endpoint: an explicit one, the emulator's (LocalStack-style variables), the embedded
 * stack's runner when offline (`EMBEDDED_STEPFUNCTIONS_PORT`), else AWS.
 */
export function loadStepFunctionsSettings(arnVariable: string, env: NodeJS.ProcessEnv): StepFunctionsSettings {
  const schema = z.object({
    ...endpointEnv,
    [arnVariable]: z
      .string({ error: 'must be a state machine ARN (serverless.yml sets it)' })
      .check(z.regex(STATE_MACHINE_ARN, { error: 'must be a state machine ARN' })),
  });
  const e = parseEnv(schema, env) as Record<string, string | undefined>;
  const explicit = e.STEPFUNCTIONS_ENDPOINT || e.AWS_ENDPOINT_URL_SFN || e.AWS_ENDPOINT_URL;
  const emulator = e.LOCALSTACK_HOSTNAME ? `http://${e.LOCALSTACK_HOSTNAME}:${e.EDGE_PORT ?? '4566'}` : undefined;
  const embedded = e.IS_OFFLINE ? `http://127.0.0.1:${e.EMBEDDED_STEPFUNCTIONS_PORT}` : undefined;
  return {
    stateMachineArn: e[arnVariable] as string,
    endpoint: explicit || emulator || embedded,
    // The embedded runner checks no signature; the SDK still wants credentials to sign with.
    credentials: embedded && !explicit && !emulator ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  };
}
