import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createS3Client, ObjectStore } from '@serverless-ml/model-store';
import S3rver from 's3rver';
import { assertPortFree } from './port-check';
import { bucketNames, type StackSettings } from './settings';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts s3rver (a real S3-protocol server on disk) with the project's buckets. */
export async function startS3(settings: StackSettings): Promise<{ endpoint: string; close: () => Promise<void> }> {
  // s3rver reports a taken port as an unhandled 'error' event (a crash): check first.
  await assertPortFree(settings.host, settings.s3Port, 'S3_PORT');
  mkdirSync(settings.dataDir, { recursive: true });
  const buckets = bucketNames(settings);
  const server = new S3rver({
    address: settings.host,
    port: settings.s3Port,
    directory: settings.dataDir,
    silent: true,
    configureBuckets: [{ name: buckets.data }, { name: buckets.models }],
  });
  try {
    const address = await server.run();
    return { endpoint: `http://${settings.host}:${address.port}`, close: () => server.close() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new Error(
        `S3 port ${settings.s3Port} is in use: is another \`pnpm start\` running? Set S3_PORT to use another port.`,
      );
    }
    throw error;
  }
}

/** Uploads every file of data/ (except docs) to the data bucket; returns the keys. */
export async function uploadSeedData(settings: StackSettings, endpoint: string): Promise<string[]> {
  const s3 = createS3Client({ region: 'us-east-1', endpoint, credentials: S3RVER_CREDENTIALS });
  const data = new ObjectStore(s3, bucketNames(settings).data);
  const files = readdirSync(settings.seedDir).filter((f) => !f.endsWith('.md') && !f.endsWith('.rst'));
  for (const file of files) {
    await data.put(file, readFileSync(path.join(settings.seedDir, file)), 'application/octet-stream');
  }
  s3.destroy();
  return files;
}
