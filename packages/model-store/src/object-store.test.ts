import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { ObjectStore } from './object-store';

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
