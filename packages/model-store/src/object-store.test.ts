import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { ObjectStore, WriteConflictError } from './object-store';

const s3Mock = mockClient(S3Client);
const store = () => new ObjectStore(new S3Client({ region: 'us-east-1' }), 'models-bucket');

describe('ObjectStore.list', () => {
  beforeEach(() => s3Mock.reset());

  it('follows continuation tokens until the last page', async () => {
    s3Mock
      .on(ListObjectsV2Command)
      .resolvesOnce({
        Contents: [{ Key: 'models/a' }],
        CommonPrefixes: [{ Prefix: 'models/digits/' }],
        IsTruncated: true,
        NextContinuationToken: 'page-2',
      })
      .resolvesOnce({ Contents: [{ Key: 'models/b' }], CommonPrefixes: [{ Prefix: 'models/rain/' }] });

    const listing = await store().list('models/', '/');

    expect(listing).toEqual({ keys: ['models/a', 'models/b'], prefixes: ['models/digits/', 'models/rain/'] });
    const inputs = s3Mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { Bucket: 'models-bucket', Prefix: 'models/', Delimiter: '/', ContinuationToken: undefined },
      { Bucket: 'models-bucket', Prefix: 'models/', Delimiter: '/', ContinuationToken: 'page-2' },
    ]);
  });

  it('returns empty lists for an empty prefix', async () => {
    s3Mock.on(ListObjectsV2Command).resolves({ KeyCount: 0 });
    await expect(store().list('models/none/')).resolves.toEqual({ keys: [], prefixes: [] });
  });
});

describe('ObjectStore.put with a condition', () => {
  beforeEach(() => s3Mock.reset());
  const s3Error = (name: string, status: number) =>
    Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

  it('sends If-Match or If-None-Match and turns a 412 into a WriteConflictError', async () => {
    s3Mock.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));
    await expect(store().put('k', 'v', 'text/plain', { ifMatch: '"abc"' })).rejects.toThrow(WriteConflictError);
    await expect(store().put('k', 'v', 'text/plain', { ifAbsent: true })).rejects.toThrow(WriteConflictError);
    const inputs = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(inputs[0]).toMatchObject({ IfMatch: '"abc"' });
    expect(inputs[1]).toMatchObject({ IfNoneMatch: '*' });
  });

  it('treats a 404 to If-Match (the object was deleted meanwhile) as a WriteConflictError', async () => {
    s3Mock.on(PutObjectCommand).rejects(s3Error('NoSuchKey', 404));
    await expect(store().put('k', 'v', 'text/plain', { ifMatch: '"abc"' })).rejects.toThrow(WriteConflictError);
  });

  it('writes unconditionally where the store answers 501 (no conditional writes), once', async () => {
    s3Mock.on(PutObjectCommand).rejectsOnce(s3Error('NotImplemented', 501)).resolves({});
    await store().put('k', 'v', 'text/plain', { ifMatch: '"abc"' });
    const inputs = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(inputs).toHaveLength(2);
    expect(inputs[1].IfMatch).toBeUndefined();
  });

  it('passes other errors through unchanged', async () => {
    s3Mock.on(PutObjectCommand).rejects(s3Error('AccessDenied', 403));
    await expect(store().put('k', 'v', 'text/plain', { ifAbsent: true })).rejects.toThrow('AccessDenied');
  });
});
