import { createServer, type Server, type Socket } from 'node:net';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3UnavailableError } from '@serverless-ml/model-store';
import { DirectS3, S3ErrorAnswerError } from './direct-s3';
import { isMissing, openObject, putObject, readSmall } from './s3-objects';
import { startTestS3, type TestS3 } from './s3rver-fixture';
import { DATA } from './s3rver-test-state';

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const direct = (endpoint: string, options: Partial<{ idleTimeoutMs: number; secret: string }> = {}) =>
  new DirectS3({
    endpoint,
    region: 'us-east-1',
    credentials: { ...CREDENTIALS, secretAccessKey: options.secret ?? CREDENTIALS.secretAccessKey },
    connectionTimeoutMs: 1000,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
  });
/** Keys a path-style request must encode: spaces, reserved and non-ASCII characters, a literal `%`. */
const ODD_KEYS = ["a b/c+d=e&f?g#h/ü😀/!'()*~.json", '%41-stays-literal', 'forecasts/2026/12/01/x y.json'];

describe('DirectS3 against a real s3rver', () => {
  let s3: TestS3;
  let sdk: S3Client;
  beforeEach(async () => {
    s3 = await startTestS3();
    // A plain SDK client, with none of the pods' tuning: the reference for what a request stores.
    sdk = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  });
  afterEach(async () => {
    sdk.destroy();
    await s3.close();
  });

  it.each(ODD_KEYS)('stores %j as the SDK reads it back, and reads what the SDK stored', async (key) => {
    const client = direct(s3.endpoint);
    try {
      await client.putObject(DATA, key, Buffer.from('from direct'), {
        contentType: 'text/plain',
        contentEncoding: 'identity',
      });
      const out = await sdk.send(new GetObjectCommand({ Bucket: DATA, Key: key }));
      expect(await out.Body?.transformToString()).toBe('from direct');
      expect([out.ContentType, out.ContentEncoding]).toEqual(['text/plain', 'identity']);

      await sdk.send(new PutObjectCommand({ Bucket: DATA, Key: key, Body: 'from the SDK', ContentType: 'text/csv' }));
      const got = await client.getObject(DATA, key);
      expect((await got.body.toArray()).join('')).toBe('from the SDK');
      expect([got.size, got.contentType]).toEqual([12, 'text/csv']);
    } finally {
      client.destroy();
    }
  });

  it('stores a body without a content type as the SDK does', async () => {
    const client = direct(s3.endpoint);
    try {
      await client.putObject(DATA, 'untyped', Buffer.from([1, 2, 3]), {});
      const out = await sdk.send(new GetObjectCommand({ Bucket: DATA, Key: 'untyped' }));
      expect(out.ContentType).toBe('application/octet-stream');
    } finally {
      client.destroy();
    }
  });

  it('is what a pods client uses for objects in memory: the SDK middleware never sees them', async () => {
    const seen: string[] = [];
    s3.s3.middlewareStack.add(
      (next, context) => (args) => {
        seen.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    await putObject(s3.s3, { bucket: DATA, key: 'k', size: 2 }, Buffer.from('hi'));
    expect((await readSmall(s3.s3, DATA, 'k'))?.toString()).toBe('hi');
    expect((await openObject(s3.s3, DATA, 'k')).size).toBe(2);
    expect(seen).toEqual([]);
  });

  it('answers a missing key as the SDK does: NoSuchKey, 404, not "unavailable"', async () => {
    const client = direct(s3.endpoint);
    try {
      const error = await client.getObject(DATA, 'nothing-here').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(S3ErrorAnswerError);
      expect(error).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      expect(isMissing(error)).toBe(true);
      expect(await readSmall(s3.s3, DATA, 'nothing-here')).toBeUndefined();
    } finally {
      client.destroy();
    }
  });

  it('reports an error answer with the code and message S3 gave', async () => {
    const client = direct(s3.endpoint);
    try {
      await expect(client.putObject('no-such-bucket', 'k', Buffer.from('x'), {})).rejects.toMatchObject({
        name: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
        $metadata: { httpStatusCode: 404 },
      });
    } finally {
      client.destroy();
    }
  });
});

describe('DirectS3 without an S3 that answers', () => {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('names the call when nothing listens', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = direct(`http://127.0.0.1:${port}`);
    try {
      const error = client.putObject(DATA, 'a/b.json', Buffer.from('{}'), {});
      await expect(error).rejects.toBeInstanceOf(S3UnavailableError);
      await expect(error).rejects.toThrow(`S3 could not be reached (ECONNREFUSED): PutObject s3://${DATA}/a/b.json`);
    } finally {
      client.destroy();
    }
  });

  it('gives up on an S3 that accepts the connection and never answers, after one more try', async () => {
    let connections = 0;
    server = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const client = direct(`http://127.0.0.1:${port}`, { idleTimeoutMs: 200 });
    try {
      await expect(client.getObject(DATA, 'k')).rejects.toThrow(`S3 did not answer in time: GetObject s3://${DATA}/k`);
      expect(connections).toBe(2);
    } finally {
      client.destroy();
    }
  });
});
