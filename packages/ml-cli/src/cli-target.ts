import type { S3Settings } from '@serverless-ml/model-store';
import type { TargetOptions } from './parse-args';

/** s3rver's fixed key and secret (the embedded stack's S3). */
const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Where the CLI reads and writes models, and how to describe it in messages. */
export interface CliTarget {
  s3: S3Settings;
  bucket: string;
  /** The endpoint as typed (`undefined` for AWS), for error messages. */
  endpoint?: string;
  /** True when the endpoint is the embedded stack's default s3rver (so "start it with pnpm start" applies). */
  embedded: boolean;
}

/**
 * Flags beat environment beats defaults: --endpoint / S3_ENDPOINT, else the embedded stack's s3rver
 * on S3_PORT (4569); --bucket / MODEL_BUCKET, else serverless-ml-<--stage | STAGE | dev>-models;
 * --aws talks to AWS with the SDK's default credentials chain.
 */
export function resolveTarget(options: TargetOptions, env: NodeJS.ProcessEnv): CliTarget {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
  const bucket = options.bucket || env.MODEL_BUCKET || `serverless-ml-${options.stage || env.STAGE || 'dev'}-models`;
  if (options.aws) return { s3: { region }, bucket, embedded: false };
  const explicit = options.endpoint || env.S3_ENDPOINT;
  const endpoint = explicit || `http://127.0.0.1:${env.S3_PORT || '4569'}`;
  const credentials = env.S3_ACCESS_KEY_ID
    ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '' }
    : S3RVER_CREDENTIALS;
  return { s3: { region, endpoint, credentials }, bucket, endpoint, embedded: !explicit };
}
