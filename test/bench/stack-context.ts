import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalStack } from '@serverless-ml/local-stack';
import { ModelStore, type ObjectStore } from '../../packages/model-store/src';
import type { HttpLoad } from './measure-http-load';

/** What the rain and stores phases share: the running stack and how to reach its S3. */
export interface StackContext {
  stack: LocalStack;
  /** A function's environment in a cold-start child: serverless.yml's variables, this stack's S3, NODE_PATH. */
  childEnv: Record<string, string>;
  /** Where the children's onnxruntime-node comes from: the built layer or the workspace. */
  ortFrom: string;
  /** The model bucket, for in-process runs with the functions' own ports. */
  models: ObjectStore;
  log: (line: string) => void;
}

/** Sample counts of the rain and stores phases. */
export interface ModelPhaseRuns {
  coldStart: number;
  /** Calls of the bundled handler in one warm child. */
  handlerWarm: { warmup: number; runs: number };
  /** In-process calls of the domain (after `warmup` unmeasured ones). */
  domain: number;
  domainWarmup: number;
  http: HttpLoad;
}

/** Runs `fn` with a fresh temporary folder that is removed afterwards. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The `metadata.json` ml-train published with the latest version of a model. */
export async function latestMetadata(models: ObjectStore, name: string): Promise<Record<string, unknown>> {
  const store = new ModelStore(models);
  const pointer = await store.latest(name);
  if (!pointer) throw new Error(`no ${name} model in s3://${models.bucket}`);
  return JSON.parse(Buffer.from(await store.artifact(pointer, 'metadata.json')).toString('utf8'));
}
