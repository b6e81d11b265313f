import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { type PodSettings, podS3Client, podSettings } from './pod-settings';

/** A real S3-protocol server on a free port and its own data folder, for tests and the benchmark. */
export interface TestS3 {
  endpoint: string;
  dir: string;
  settings: PodSettings;
  s3: S3Client;
  /** The server itself, for tests that make its store fail. */
  server: S3rver;
  close(options?: { keepDir?: boolean }): Promise<void>;
}

/** Starts s3rver in-process with the stage's data and models buckets (port 0: the OS picks a free one). */
export async function startTestS3(stage = 'dev', dir = mkdtempSync(path.join(tmpdir(), 'pods-s3-'))): Promise<TestS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: dir,
    silent: true,
    configureBuckets: [{ name: `serverless-ml-${stage}-data` }, { name: `serverless-ml-${stage}-models` }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const settings = podSettings({ endpoint, stage }, {});
  const s3 = podS3Client(settings, {});
  return {
    endpoint,
    dir,
    settings,
    s3,
    server,
    async close(options = {}) {
      s3.destroy();
      await server.close();
      if (!options.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
