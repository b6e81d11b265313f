import { parseEnv } from '@serverless-ml/config';
import * as z from 'zod/mini';

const envSchema = z.object({
  BATCH_STATE_MACHINE_ARN: z
    .string({ error: 'must be the batch-scoring state machine ARN (serverless.yml sets it)' })
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

/** Where the batch API finds Step Functions. */
export interface BatchSettings {
  stateMachineArn: string;
  /** undefined: AWS's own endpoint. */
  stepFunctionsEndpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The state machine ARN and the Step Functions endpoint, chosen as the jobs function chooses it
 * (functions/jobs/src/jobs-settings.ts): explicit, the emulator's, the embedded runner offline, else AWS.
 */
export function loadBatchSettings(env: NodeJS.ProcessEnv = process.env): BatchSettings {
  const e = parseEnv(envSchema, env);
  const explicit = e.STEPFUNCTIONS_ENDPOINT || e.AWS_ENDPOINT_URL_SFN || e.AWS_ENDPOINT_URL;
  const emulator = e.LOCALSTACK_HOSTNAME ? `http://${e.LOCALSTACK_HOSTNAME}:${e.EDGE_PORT ?? '4566'}` : undefined;
  const embedded = e.IS_OFFLINE ? `http://127.0.0.1:${e.EMBEDDED_STEPFUNCTIONS_PORT}` : undefined;
  return {
    stateMachineArn: e.BATCH_STATE_MACHINE_ARN,
    stepFunctionsEndpoint: explicit || emulator || embedded,
    // The embedded runner checks no signature; the SDK still wants credentials to sign with.
    credentials: embedded && !explicit && !emulator ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  };
}
