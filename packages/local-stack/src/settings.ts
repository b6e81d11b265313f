import path from 'node:path';

/** Where the embedded stack listens and keeps its data; every value can be set by environment. */
export interface StackSettings {
  stage: string;
  host: string;
  s3Port: number;
  httpPort: number;
  lambdaPort: number;
  /** The Step Functions runner's API (training jobs); 0 picks a free port. */
  stepFunctionsPort: number;
  /** s3rver's folder: buckets and objects persist here across restarts. */
  dataDir: string;
  /** The project's data/ folder, uploaded to the data bucket at start. */
  seedDir: string;
  serviceDir: string;
  service: string;
  /** serverless-esbuild's work folder; separate ones let several stacks build side by side. */
  esbuildWorkFolder: string;
}

const port = (value: string | undefined, fallback: number, name: string) => {
  const n = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
};

// Ports the fetch standard blocks (browsers, curl-alikes and Node's fetch refuse them), above 1024.
const FETCH_BLOCKED = new Set([
  1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const browsablePort = (value: string | undefined, fallback: number, name: string) => {
  const n = port(value, fallback, name);
  if (FETCH_BLOCKED.has(n))
    throw new Error(`${name}=${n} is a port browsers and fetch refuse to connect to: choose another`);
  return n;
};

/** Reads S3_PORT, HTTP_PORT, LAMBDA_PORT, STEPFUNCTIONS_PORT, LOCAL_STACK_DIR, STAGE and ESBUILD_WORK_FOLDER. */
export function stackSettings(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<StackSettings> = {},
): StackSettings {
  const serviceDir = path.resolve(__dirname, '../../..');
  return {
    stage: env.STAGE || 'dev',
    host: '127.0.0.1',
    s3Port: port(env.S3_PORT, 4569, 'S3_PORT'),
    httpPort: browsablePort(env.HTTP_PORT, 3000, 'HTTP_PORT'),
    lambdaPort: port(env.LAMBDA_PORT, 3002, 'LAMBDA_PORT'),
    // Only the jobs function calls it, told the port at start: any free one will do.
    stepFunctionsPort: port(env.STEPFUNCTIONS_PORT, 0, 'STEPFUNCTIONS_PORT'),
    dataDir: path.resolve(serviceDir, env.LOCAL_STACK_DIR || '.local-stack/s3'),
    seedDir: path.join(serviceDir, 'data'),
    serviceDir,
    service: 'serverless-ml',
    esbuildWorkFolder: env.ESBUILD_WORK_FOLDER || '.esbuild',
    ...overrides,
  };
}

/** Bucket names as serverless.yml derives them (`${service}-${stage}-data|models`). */
export function bucketNames(s: Pick<StackSettings, 'service' | 'stage'>) {
  return { data: `${s.service}-${s.stage}-data`, models: `${s.service}-${s.stage}-models` };
}
