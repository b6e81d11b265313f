import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { listObjects } from './s3-objects';

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

describe('listObjects', () => {
  beforeEach(() => s3Mock.reset());

  it('asks for the next page before handing out this one, and lists every key in order', async () => {
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({ Contents: [{ Key: 'a', Size: 1 }], IsTruncated: true, NextContinuationToken: 't1' })
      .resolvesOnce({
        Contents: [{ Key: 'b', Size: 2, ETag: '"md5"' }],
        IsTruncated: true,
        NextContinuationToken: 't2',
      })
      .resolvesOnce({ Contents: [{ Key: 'c', Size: 3 }], IsTruncated: false });
    const listing = listObjects(s3, 'data');
    const first = await listing.next();
    expect(first.value).toEqual({ bucket: 'data', key: 'a', size: 1, etag: undefined });
    const calls = s3Mock.commandCalls(ListObjectsV2Command);
    expect(calls.map((c) => c.args[0].input.ContinuationToken)).toEqual([undefined, 't1']);
    const rest = [];
    for await (const o of listing) rest.push(o);
    expect(rest).toEqual([
      { bucket: 'data', key: 'b', size: 2, etag: 'md5' },
      { bucket: 'data', key: 'c', size: 3, etag: undefined },
    ]);
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(3);
  });

  it('throws when a later page fails', async () => {
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({ Contents: [{ Key: 'a', Size: 1 }], IsTruncated: true, NextContinuationToken: 't1' })
      .rejectsOnce(new Error('connection reset'));
    const keys: string[] = [];
    await expect(
      (async () => {
        for await (const o of listObjects(s3, 'data')) keys.push(o.key);
      })(),
    ).rejects.toThrow('connection reset');
    expect(keys).toEqual(['a']);
  });

  it('settles the page it asked for ahead when the consumer stops early', async () => {
    let answered = false;
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({ Contents: [{ Key: 'a', Size: 1 }], IsTruncated: true, NextContinuationToken: 't1' })
      .callsFakeOnce(async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        answered = true;
        return { Contents: [{ Key: 'b', Size: 2 }], IsTruncated: false };
      });
    for await (const o of listObjects(s3, 'data')) {
      expect(o.key).toBe('a');
      break;
    }
    expect(answered).toBe(true);
  });
});
