import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '@serverless-ml/model-store';
import { loadPodFrom, parsePodRef, podSettings, savePodTo } from '@serverless-ml/pods';
import { S3RVER_CREDENTIALS, startS3 } from './s3-server';
import { bucketNames, stackSettings } from './settings';

// s3rver 3.7.1 is patched (patches/s3rver@3.7.1.patch): these tests fail on the unpatched package.
const settings = stackSettings({}, { stage: 's3test', s3Port: 0 });
const { data: BUCKET } = bucketNames(settings);

let dir: string;
let endpoint: string;
let close: () => Promise<void>;
let s3: S3Client;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 's3-server-test-'));
  ({ endpoint, close } = await startS3({ ...settings, dataDir: dir }));
  s3 = createS3Client({ region: 'us-east-1', endpoint, credentials: S3RVER_CREDENTIALS });
});
afterEach(async () => {
  s3.destroy();
  await close();
  rmSync(dir, { recursive: true, force: true });
});

async function listAll(bucket: string): Promise<{ key: string; etag?: string }[]> {
  const all = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
    for (const o of page.Contents ?? []) all.push({ key: o.Key ?? '', etag: o.ETag });
  }
  return all;
}

const missing = (key: string) =>
  s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => false,
    (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode === 404,
  );

describe('the embedded S3 server with more than 1000 objects', () => {
  jest.setTimeout(180_000);
  // "logs/…" and "logs-…" interleave: the walk order of the files differs from key order ('-' < '/').
  // 1,200: past one page of 1,000 (what the paginator and the DeleteObjects batches must cross),
  // and small enough that 3,600 requests stay well inside the timeout on a busy 2-core machine.
  const COUNT = 1200;
  const keys = Array.from({ length: COUNT }, (_, i) => `logs${i % 2 ? '/' : '-'}${String(i).padStart(5, '0')}.json`);

  beforeEach(async () => {
    for (let i = 0; i < keys.length; i += 25) {
      await Promise.all(
        keys
          .slice(i, i + 25)
          .map((Key) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: `{"${Key}":1}` }))),
      );
    }
  });

  it('lists 1,200 objects with the ListObjectsV2 paginator, each once and in key order', async () => {
    const listed = await listAll(BUCKET);
    expect(listed.map((o) => o.key)).toEqual([...keys].sort());
  });

  it('deletes the 1,200 objects with DeleteObjects, and a folder once it is empty', async () => {
    const remove = async (some: string[]) => {
      for (let i = 0; i < some.length; i += 1000) {
        const Objects = some.slice(i, i + 1000).map((Key) => ({ Key }));
        await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects, Quiet: true } }));
      }
    };
    await remove(keys.filter((k) => !k.startsWith('logs/00001')));
    expect(readdirSync(path.join(dir, BUCKET))).toEqual(['logs']);
    await remove(keys.filter((k) => k.startsWith('logs/00001')));
    expect(await listAll(BUCKET)).toEqual([]);
    expect(readdirSync(path.join(dir, BUCKET))).toEqual([]);
  });

  it('saves a pod of the 1,200 objects and loads it back into the wiped bucket', async () => {
    const pods = podSettings({ endpoint, stage: settings.stage }, {});
    const before = await listAll(BUCKET);
    const { descriptor } = await savePodTo(s3, pods, parsePodRef('many'), { commit: 'test' });
    expect(descriptor.objects).toBe(COUNT);
    rmSync(path.join(dir, BUCKET), { recursive: true });
    const report = await loadPodFrom(s3, pods, parsePodRef('many'));
    expect(report.added).toHaveLength(COUNT);
    expect(await listAll(BUCKET)).toEqual(before);
  });
});

/** Starts a PUT announcing `size` bytes, sends `sent` of them, then destroys the socket. */
async function abortedPut(key: string, size: number, sent: number): Promise<void> {
  const req = request(`${endpoint}/${BUCKET}/${key}`, { method: 'PUT', headers: { 'content-length': size } });
  req.on('error', () => undefined);
  req.write(Buffer.alloc(sent, 'a'));
  // Long enough for s3rver to start storing the body (unpatched, it wrote straight to the object).
  await new Promise((resolve) => setTimeout(resolve, 200));
  req.destroy();
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const leftovers = () =>
  readdirSync(path.join(dir, BUCKET), { recursive: true }).filter((f) => String(f).endsWith('.partial'));

describe('the embedded S3 server never stores a partial object', () => {
  it('keeps no object from an upload cut off after 10 of 100,000 bytes', async () => {
    await abortedPut('cut.json', 100_000, 10);
    expect(await missing('cut.json')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('keeps no object from a streamed upload (over 1 MiB) cut off after 64 KiB', async () => {
    await abortedPut('deep/er/cut.bin', 3 * 1024 * 1024, 64 * 1024);
    expect(await missing('deep/er/cut.bin')).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('keeps the previous object when its replacement is cut off', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept.json', Body: '{"v":1}' }));
    await abortedPut('kept.json', 100_000, 10);
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'kept.json' }));
    expect(await out.Body?.transformToString()).toBe('{"v":1}');
  });

  it('refuses a body that does not match its Content-MD5, keeping nothing', async () => {
    const wrong = Buffer.alloc(16).toString('base64');
    await expect(
      s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bad.json', Body: '{}', ContentMD5: wrong })),
    ).rejects.toThrow(/Content-MD5/);
    expect(await missing('bad.json')).toBe(true);
  });
});

describe('the embedded S3 server keeps each object in two files', () => {
  const md5 = (body: string) => `"${createHash('md5').update(body).digest('hex')}"`;
  const files = (prefix: string) =>
    readdirSync(path.join(dir, BUCKET))
      .filter((f) => f.startsWith(prefix))
      .sort();

  it('stores the bytes and one metadata file holding the MD5, and serves that MD5 as the ETag', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'two.json', Body: '{"n":2}', ContentType: 'application/json' }),
    );
    expect(files('two.json')).toEqual(['two.json._S3rver_metadata.json', 'two.json._S3rver_object']);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'two.json' }));
    expect(head.ETag).toBe(md5('{"n":2}'));
    expect(head.ContentType).toBe('application/json');
    expect(await listAll(BUCKET)).toEqual([{ key: 'two.json', etag: md5('{"n":2}') }]);
  });

  it('still reads an object stored with a separate .md5 file (data folders from before)', async () => {
    const base = path.join(dir, BUCKET, 'old.json._S3rver_');
    writeFileSync(`${base}object`, '{"old":true}');
    writeFileSync(`${base}object.md5`, createHash('md5').update('{"old":true}').digest('hex'));
    writeFileSync(`${base}metadata.json`, JSON.stringify({ 'content-type': 'application/json' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'old.json' }));
    expect(head.ETag).toBe(md5('{"old":true}'));
    // Overwritten, the object gets the new layout and its new MD5, whatever the stale .md5 file says.
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'old.json', Body: '{"old":false}' }));
    expect((await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'old.json' }))).ETag).toBe(md5('{"old":false}'));
  });

  it('copies an object with its ETag, keeping or replacing its metadata', async () => {
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'src.json', Body: '{"c":1}', ContentType: 'application/json' }),
    );
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'kept.json', CopySource: `${BUCKET}/src.json` }));
    await s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'src.json',
        CopySource: `${BUCKET}/src.json`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
      }),
    );
    const kept = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'kept.json' }));
    const replaced = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'src.json' }));
    expect([kept.ETag, kept.ContentType]).toEqual([md5('{"c":1}'), 'application/json']);
    expect([replaced.ETag, replaced.ContentType]).toEqual([md5('{"c":1}'), 'text/plain']);
  });
});
