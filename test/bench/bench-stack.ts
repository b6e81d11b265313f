import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LocalStack, S3RVER_CREDENTIALS, stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import { removeBenchFolder } from '../../packages/pods/src/bench-disk';
import { freePort } from './free-port';

/** What ml-train answers, the same for every model (functions/ml-train/src/train-types.ts). */
export interface TrainSummary {
  model: string;
  version: string;
  algorithm: string;
  metrics: Record<string, number>;
  baselines: Record<string, number>;
  rows: { train: number; test: number; invalid: number };
  trainMs: number;
  keys: string[];
}

/** Invokes ml-train through the stack's Lambda API with `{"model": …}`; throws when the function did. */
export async function trainOnStack(
  stack: LocalStack,
  model: 'rain' | 'stores' | 'housing',
  options: Record<string, unknown> = {},
): Promise<TrainSummary> {
  const train = await stack.invoke<TrainSummary>('ml-train', { model, ...options });
  if (train.functionError) throw new Error(`ml-train {"model":"${model}"} failed: ${JSON.stringify(train.payload)}`);
  return train.payload;
}

export interface TrainedStack {
  stack: LocalStack;
  modelVersion: string;
  /** ml-train's own test-set score, as the function reported it. */
  trainedCorrect: number;
  /** The environment serverless.yml gives the functions, pointed at this stack's s3rver. */
  functionEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the embedded stack (s3rver + serverless-offline) on free ports with an empty S3 folder
 * of its own, then trains digits by invoking ml-train through it, as `pnpm demo` does.
 */
export async function startTrainedStack(log: (line: string) => void): Promise<TrainedStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-s3-'));
  const settings = stackSettings(process.env, {
    stage: 'bench',
    s3Port: await freePort(),
    httpPort: await freePort(),
    lambdaPort: await freePort(),
    dataDir,
  });
  // serverless-offline's banner and request logs would drown the progress lines.
  const quiet = (line: string) => {
    if (!line.startsWith('  | ')) log(line);
  };
  let stack: LocalStack;
  try {
    stack = await startLocalStack(settings, quiet);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await stack.stop();
    removeBenchFolder(dataDir);
  };
  try {
    log('invoking ml-train through the stack…');
    const train = await stack.invoke<{ version: string; metrics: { correct: number }; rows: { test: number } }>(
      'ml-train',
      {
        model: 'digits',
      },
    );
    if (train.functionError) throw new Error(`ml-train failed: ${JSON.stringify(train.payload)}`);
    log(
      `ml-train published digits@${train.payload.version} (${train.payload.metrics.correct}/${train.payload.rows.test} correct)`,
    );
    return {
      stack,
      modelVersion: train.payload.version,
      trainedCorrect: train.payload.metrics.correct,
      functionEnv: {
        DATA_BUCKET: stack.buckets.data,
        MODEL_BUCKET: stack.buckets.models,
        S3_ENDPOINT: stack.s3Endpoint,
        S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        AWS_REGION: 'us-east-1',
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
