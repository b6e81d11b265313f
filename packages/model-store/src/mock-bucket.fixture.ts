import { createHash } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { ObjectStore } from './object-store';

const md5 = (bytes: Uint8Array) => `"${createHash('md5').update(bytes).digest('hex')}"`;
const preconditionFailed = () =>
  Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
    name: 'PreconditionFailed',
    $metadata: { httpStatusCode: 412 },
  });
const noSuchKey = () => Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
const toBytes = (body: unknown) =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array();

/**
 * An S3 bucket in memory behind aws-sdk-client-mock: GetObject (with ETags), PutObject (with S3's
 * If-Match / If-None-Match: 412 when they fail) and ListObjectsV2 (with Delimiter and pages of
 * `pageSize` keys, so pagination is exercised). `beforePut` runs before each write is applied:
 * a test can change the bucket there, as another writer would.
 */
export function mockBucket(pageSize = 2) {
  const objects = new Map<string, Uint8Array>();
  const hooks: { beforePut?: (key: string) => Promise<void> | void } = {};
  const mock = mockClient(S3Client);
  mock.on(GetObjectCommand).callsFake(async ({ Key }: { Key: string }) => {
    const bytes = objects.get(Key);
    if (!bytes) throw noSuchKey();
    return { Body: { transformToByteArray: async () => bytes }, ETag: md5(bytes) };
  });
  mock
    .on(PutObjectCommand)
    .callsFake(async (input: { Key: string; Body: unknown; IfMatch?: string; IfNoneMatch?: string }) => {
      await hooks.beforePut?.(input.Key);
      const existing = objects.get(input.Key);
      if (input.IfNoneMatch === '*' && existing) throw preconditionFailed();
      if (input.IfMatch !== undefined && (!existing || md5(existing) !== input.IfMatch)) throw preconditionFailed();
      objects.set(input.Key, toBytes(input.Body));
      return { ETag: md5(toBytes(input.Body)) };
    });
  mock.on(DeleteObjectCommand).callsFake(async ({ Key }: { Key: string }) => {
    objects.delete(Key);
    return {};
  });
  mock
    .on(ListObjectsV2Command)
    .callsFake(async (input: { Prefix?: string; Delimiter?: string; ContinuationToken?: string }) => {
      const prefix = input.Prefix ?? '';
      const entries = new Set<string>();
      for (const key of [...objects.keys()].sort()) {
        if (!key.startsWith(prefix)) continue;
        const cut = input.Delimiter ? key.indexOf(input.Delimiter, prefix.length) : -1;
        entries.add(cut >= 0 ? key.slice(0, cut + 1) : key);
      }
      const all = [...entries];
      const start = Number(input.ContinuationToken ?? 0);
      const page = all.slice(start, start + pageSize);
      const more = start + pageSize < all.length;
      return {
        Contents: page.filter((k) => !k.endsWith('/')).map((Key) => ({ Key })),
        CommonPrefixes: page.filter((k) => k.endsWith('/')).map((Prefix) => ({ Prefix })),
        IsTruncated: more,
        NextContinuationToken: more ? String(start + pageSize) : undefined,
      };
    });
  const objectStore = new ObjectStore(new S3Client({ region: 'us-east-1' }), 'models-bucket');
  const text = (key: string) => Buffer.from(objects.get(key) ?? new Uint8Array()).toString('utf8');
  return { objects, mock, objectStore, hooks, text, json: (key: string): unknown => JSON.parse(text(key)) };
}
