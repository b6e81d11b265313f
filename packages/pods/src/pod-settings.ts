import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '@serverless-ml/model-store';
import { DirectS3 } from './direct-s3';
import { sendObjectsDirectly } from './s3-objects';

/** Where pods are read from and written to, and what a save snapshots. */
export interface PodSettings {
  stage: string;
  region: string;
  /** Undefined with `--aws`: the SDK's default endpoint and credential chain. */
  endpoint?: string;
  podsBucket: string;
  /** What `pod save` snapshots by default: the stage's data and models buckets. */
  buckets: string[];
}

/** Command-line choices; each falls back to the environment, then to the embedded stack. */
export interface PodSettingsInput {
  stage?: string;
  endpoint?: string;
  aws?: boolean;
  podsBucket?: string;
  buckets?: string;
}

/** Resolves settings: `--endpoint` > S3_ENDPOINT > the embedded s3rver on S3_PORT (4569); `--aws` for AWS itself. */
export function podSettings(input: PodSettingsInput = {}, env: NodeJS.ProcessEnv = process.env): PodSettings {
  const stage = input.stage || env.STAGE || 'dev';
  if (!/^[a-z0-9-]+$/i.test(stage)) throw new Error(`STAGE must be letters, digits and "-", got "${stage}"`);
  if (input.aws && input.endpoint) throw new Error('--aws and --endpoint exclude each other');
  const endpoint = input.aws
    ? undefined
    : input.endpoint || env.S3_ENDPOINT || `http://127.0.0.1:${env.S3_PORT || 4569}`;
  const buckets = input.buckets
    ? input.buckets
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : [`serverless-ml-${stage}-data`, `serverless-ml-${stage}-models`];
  return {
    stage,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    endpoint,
    podsBucket: input.podsBucket || env.PODS_BUCKET || `serverless-ml-${stage}-pods`,
    buckets,
  };
}

/**
 * An S3 client for the settings. With an endpoint it signs as s3rver's S3RVER/S3RVER (LocalStack
 * accepts any key) unless S3_ACCESS_KEY_ID is set; without one it uses the default chain.
 */
export function podS3Client(settings: PodSettings, env: NodeJS.ProcessEnv = process.env): S3Client {
  const credentials = env.S3_ACCESS_KEY_ID
    ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '' }
    : settings.endpoint
      ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
      : undefined;
  // A command, not a request with a Lambda timeout: a batch of 1000 deletions or a page of a long
  // listing can keep an emulator silent for more than the serving functions' 2 s. (Not the SDK's
  // `cacheMiddleware`, though it halved the garbage per request: with requests in flight to two
  // buckets, some went to the other bucket's path — GetObject data/big.bin → models/big.bin.)
  const s3 = createS3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    credentials,
    idleTimeoutMs: 30_000,
  });
  // The client has no logger, yet the SDK's logger middleware filters every input and output for
  // it (schema walks): ~2% of a small object's copy, for nothing.
  s3.middlewareStack.remove('loggerMiddleware');
  if (settings.endpoint) for (const name of AWS_ONLY_MIDDLEWARE) s3.middlewareStack.remove(name);
  reuseSigner(s3);
  // Against an emulator, single-object reads and writes skip the SDK's middleware (DirectS3).
  if (settings.endpoint && credentials) {
    const direct = new DirectS3({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials,
      connectionTimeoutMs: 1000,
      idleTimeoutMs: 30_000,
    });
    sendObjectsDirectly(s3, direct);
    const destroyClient = s3.destroy.bind(s3);
    s3.destroy = () => {
      direct.destroy();
      destroyClient();
    };
  }
  return s3;
}

/**
 * Steps that only mean something on AWS: region redirects, S3 Express directory buckets, ARN bucket
 * names, 100-continue before large uploads, the X-Ray trace header inside a Lambda, the user agent.
 * Against an emulator they are per-request work for nothing: dropping them cut the client's CPU
 * per small GetObject by ~20% (1.6–1.9 → 1.0–1.5 ms in paired runs). `--aws` keeps them all.
 * (Small objects against an emulator now skip the whole stack: see DirectS3; listings, deletions
 * and streamed uploads still go through it.)
 */
const AWS_ONLY_MIDDLEWARE = [
  'regionRedirectMiddleware',
  's3ExpressMiddleware',
  'validateBucketNameMiddleware',
  'addExpectContinueMiddleware',
  'recursionDetectionMiddleware',
  'getUserAgentMiddleware',
];

/**
 * The SDK builds a new SigV4 signer for every request, each a copy of the whole client config:
 * ~3% of a 2.5 KB object's copy (profiled). Every one it builds is the same (the first call pins
 * region and service into the config; credentials stay a provider, read at each signature), so
 * keep the first. A failed build is not kept.
 */
function reuseSigner(s3: S3Client): void {
  const build = s3.config.signer;
  let signer: ReturnType<typeof build> | undefined;
  s3.config.signer = (authScheme) => {
    if (!signer) {
      signer = build(authScheme);
      signer.catch(() => {
        signer = undefined;
      });
    }
    return signer;
  };
}
