import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LocalStack, stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import { freePort } from './free-port';

/** Boots the real embedded stack (s3rver + serverless-offline) on free ports and a fresh data folder. */
export async function bootStack(
  stage: string,
  log: string[] = [],
): Promise<{ stack: LocalStack; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `serverless-ml-${stage}-`));
  const settings = stackSettings(process.env, {
    stage,
    s3Port: await freePort(),
    httpPort: await freePort(),
    lambdaPort: await freePort(),
    dataDir,
    esbuildWorkFolder: `.esbuild-${stage}`,
  });
  const stack = await startLocalStack(settings, (line) => log.push(line));
  return {
    stack,
    cleanup: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
