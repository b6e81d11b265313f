import { parseEnv } from '@serverless-ml/config';
import * as z from 'zod/mini';

const envSchema = z.object({
  TRAINING_STATE_MACHINE_ARN: z
    .string({ error: 'must be the training state machine ARN (serverless.yml sets it)' })
    .check(
      z.regex(/^arn:aws:states:[^:]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/, { error: 'must be a state machine ARN' }),
    ),
  STEPFUNCTIONS_ENDPOINT: z.optional(z.string()),
  AWS_ENDPOINT_URL_SFN: z.optional(z.string()),
  AWS_ENDPOINT_URL: z.optional(z.string()),
  LOCALSTACK_HOSTNAME: z.optional(z.string()),
  EDGE_PORT: z.optional(z.string()),
  IS_OFFLINE: z.optional(z.string()),
  EMBEDDED_STEPFUNCTIONS_PORT: z._default(z.string(), '8083'),
});

/** Where the jobs function finds Step Functions. */
export interface JobsSettings {
  stateMachineArn: string;
  /** undefined: AWS's own endpoint. */
  stepFunctionsEndpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Reads the state machine ARN and the Step Functions endpoint: an explicit one, the emulator's
 * (LocalStack-style variables), the embedded stack's runner when offline, else AWS.
 */
export function loadJobsSettings(env: NodeJS.ProcessEnv = process.env): JobsSettings {
  const e = parseEnv(envSchema, env);
  const explicit = e.STEPFUNCTIONS_ENDPOINT || e.AWS_ENDPOINT_URL_SFN || e.AWS_ENDPOINT_URL;
  const emulator = e.LOCALSTACK_HOSTNAME ? `http://${e.LOCALSTACK_HOSTNAME}:${e.EDGE_PORT ?? '4566'}` : undefined;
  const embedded = e.IS_OFFLINE ? `http://127.0.0.1:${e.EMBEDDED_STEPFUNCTIONS_PORT}` : undefined;
  const stepFunctionsEndpoint = explicit || emulator || embedded;
  return {
    stateMachineArn: e.TRAINING_STATE_MACHINE_ARN,
    stepFunctionsEndpoint,
    // The embedded runner checks no signature; the SDK still wants credentials to sign with.
    credentials: embedded && !explicit && !emulator ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  };
}
