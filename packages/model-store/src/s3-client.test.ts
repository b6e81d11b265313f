import { createServer, type Server, type Socket } from 'node:net';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { UpstreamError } from '@serverless-ml/errors';
import { createS3Client, S3UnavailableError, unavailableReason } from './s3-client';

/** Accepts connections and never answers: a frozen S3. */
function frozenS3(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const close = () =>
        new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => done());
        });
      resolve({ port, close });
    }),
  );
}

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

describe('createS3Client', () => {
  it('gives up on a frozen S3 after its idle timeout, with a 503 naming S3 and the call', async () => {
    const s3 = await frozenS3();
    const client = createS3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${s3.port}`,
      credentials,
      idleTimeoutMs: 200,
    });
    try {
      const started = performance.now();
      const error = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'models/x' })).catch((e) => e);
      expect(performance.now() - started).toBeLessThan(2_000); // two attempts of 200 ms, not forever
      expect(error).toBeInstanceOf(S3UnavailableError);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error.statusCode).toBe(503);
      expect(error.message).toBe('S3 did not answer in time: GetObject s3://b/models/x');
    } finally {
      client.destroy();
      await s3.close();
    }
  });

  it('says S3 could not be reached when nothing listens', async () => {
    const s3 = await frozenS3();
    await s3.close();
    const client = createS3Client({ region: 'us-east-1', endpoint: `http://127.0.0.1:${s3.port}`, credentials });
    try {
      const error = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((e) => e);
      expect(error).toBeInstanceOf(S3UnavailableError);
      expect(error.message).toBe('S3 could not be reached (ECONNREFUSED): GetObject s3://b/k');
    } finally {
      client.destroy();
    }
  });
});

describe('unavailableReason', () => {
  it('leaves answers from S3 alone: a 404 or a 412 is not an outage', () => {
    const notFound = Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    const conflict = Object.assign(new Error('x'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } });
    expect(unavailableReason(notFound)).toBeUndefined();
    expect(unavailableReason(conflict)).toBeUndefined();
  });

  it('counts a 5xx from S3 as S3 failing, except 501 (an emulator without the feature)', () => {
    const slowDown = Object.assign(new Error('x'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    const notImplemented = Object.assign(new Error('x'), {
      name: 'NotImplemented',
      $metadata: { httpStatusCode: 501 },
    });
    expect(unavailableReason(slowDown)).toBe('failed (HTTP 503 SlowDown)');
    expect(unavailableReason(notImplemented)).toBeUndefined();
  });
});
