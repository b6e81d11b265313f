import * as z from 'zod/mini';
import './zod';
import { parseEnv } from './parse-env';

const optional = z.optional(z.string());
const count = (fallback: number, min: number) =>
  z._default(
    z.coerce
      .number()
      .check(z.int({ error: 'must be a whole number' }), z.gte(min, { error: `must be at least ${min}` })),
    fallback,
  );

const envSchema = z.object({
  DATA_BUCKET: z.string({ error: 'must name the bucket that holds the training data' }).check(z.minLength(3)),
  MODEL_BUCKET: z.string({ error: 'must name the bucket that models are written to' }).check(z.minLength(3)),
  AWS_REGION: z._default(z.string(), 'us-east-1'),
  S3_ENDPOINT: optional,
  AWS_ENDPOINT_URL_S3: optional,
  AWS_ENDPOINT_URL: optional,
  LOCALSTACK_HOSTNAME: optional,
  EDGE_PORT: optional,
  IS_OFFLINE: optional,
  IS_LOCAL: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  EMBEDDED_S3_PORT: count(4569, 1),
  MODEL_POINTER_TTL_MS: count(5000, 0),
  MAX_IMAGES: count(1000, 1),
});

export interface AppConfig {
  dataBucket: string;
  modelBucket: string;
  region: string;
  /** Custom S3 endpoint (embedded stack, LocalStack); undefined means AWS. */
  s3Endpoint?: string;
  /** Explicit S3 credentials (s3rver's are S3RVER/S3RVER); undefined means the SDK's default chain. */
  s3Credentials?: { accessKeyId: string; secretAccessKey: string };
  /** How long a warm container trusts its cached `latest` pointer. */
  modelPointerTtlMs: number;
  maxImages: number;
}

type Env = z.infer<typeof envSchema>;

/** Picks the S3 endpoint: explicit override, LocalStack's injected variables, then the embedded stack when offline. */
export function s3EndpointFrom(env: Env): string | undefined {
  const explicit = env.S3_ENDPOINT || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  if (explicit) return explicit;
  // LocalStack's Lambda containers get LOCALSTACK_HOSTNAME; localhost there is the container.
  if (env.LOCALSTACK_HOSTNAME) return `http://${env.LOCALSTACK_HOSTNAME}:${env.EDGE_PORT ?? '4566'}`;
  // serverless-offline sets IS_OFFLINE, `sls invoke local` sets IS_LOCAL: both mean the embedded stack.
  if (env.IS_OFFLINE || env.IS_LOCAL) return `http://127.0.0.1:${env.EMBEDDED_S3_PORT}`;
  return undefined;
}

/** Reads and validates the environment once; throws a message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = parseEnv(envSchema, env);
  const s3Endpoint = s3EndpointFrom(e);
  const embedded =
    s3Endpoint !== undefined &&
    !e.S3_ENDPOINT &&
    !e.AWS_ENDPOINT_URL_S3 &&
    !e.AWS_ENDPOINT_URL &&
    !e.LOCALSTACK_HOSTNAME;
  const s3Credentials = e.S3_ACCESS_KEY_ID
    ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '' }
    : embedded
      ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
      : undefined;
  return {
    dataBucket: e.DATA_BUCKET,
    modelBucket: e.MODEL_BUCKET,
    region: e.AWS_REGION,
    s3Endpoint,
    s3Credentials,
    modelPointerTtlMs: e.MODEL_POINTER_TTL_MS,
    maxImages: e.MAX_IMAGES,
  };
}
