import { z } from 'zod';

const envSchema = z.object({
  DATA_BUCKET: z.string().min(3, 'DATA_BUCKET must name the bucket that holds the training data'),
  MODEL_BUCKET: z.string().min(3, 'MODEL_BUCKET must name the bucket that models are written to'),
  AWS_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.string().optional(),
  AWS_ENDPOINT_URL_S3: z.string().optional(),
  AWS_ENDPOINT_URL: z.string().optional(),
  LOCALSTACK_HOSTNAME: z.string().optional(),
  EDGE_PORT: z.string().optional(),
  IS_OFFLINE: z.string().optional(),
  IS_LOCAL: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  EMBEDDED_S3_PORT: z.coerce.number().int().positive().default(4569),
  MODEL_POINTER_TTL_MS: z.coerce.number().int().nonnegative().default(5000),
  MAX_IMAGES: z.coerce.number().int().positive().default(1000),
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
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
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
