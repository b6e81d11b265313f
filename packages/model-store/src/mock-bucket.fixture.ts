import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { ObjectStore } from './object-store';

const noSuchKey = () => Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
const toBytes = (body: unknown) =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array();

/**
 * An S3 bucket in memory behind aws-sdk-client-mock: GetObject, PutObject and ListObjectsV2
 * (with Delimiter and pages of `pageSize` keys, so pagination is exercised).
 */
export function mockBucket(pageSize = 2) {
  const objects = new Map<string, Uint8Array>();
  const mock = mockClient(S3Client);
  mock.on(GetObjectCommand).callsFake(async ({ Key }: { Key: string }) => {
    const bytes = objects.get(Key);
    if (!bytes) throw noSuchKey();
    return { Body: { transformToByteArray: async () => bytes } };
  });
  mock.on(PutObjectCommand).callsFake(async ({ Key, Body }: { Key: string; Body: unknown }) => {
    objects.set(Key, toBytes(Body));
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
  return { objects, mock, objectStore, text, json: (key: string): unknown => JSON.parse(text(key)) };
}
