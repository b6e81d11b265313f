import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { fixtureArtifacts } from './contract.fixture';
import { ModelStore, newVersionId } from './model-store';
import { ObjectStore } from './object-store';

const s3Mock = mockClient(S3Client);
const artifacts = fixtureArtifacts(new Uint8Array([1, 2, 3]));

function store() {
  return new ModelStore(new ObjectStore(new S3Client({ region: 'us-east-1' }), 'models-bucket'));
}

describe('ModelStore.publish', () => {
  beforeEach(() => s3Mock.reset());

  it('writes every artifact before the pointer', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('missing'), { name: 'NoSuchKey' }));
    const { pointer, version } = await store().publish('digits', artifacts);
    const prefix = `models/digits/versions/${version}/`;
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).toEqual([`${prefix}model.onnx`, `${prefix}metadata.json`, 'models/digits/latest.json']);
    expect(pointer).toMatchObject({ version, prefix });
    expect(pointer?.modelSha256).toBe('039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81');
  });

  it('stores a version without touching the pointer when asked not to promote it', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const { pointer, version } = await store().publish('digits', artifacts, new Date(), { promote: false });
    expect(pointer).toBeUndefined();
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).toEqual([
      `models/digits/versions/${version}/model.onnx`,
      `models/digits/versions/${version}/metadata.json`,
    ]);
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  it('refuses to flip the pointer when the current one cannot be read, naming the stored version', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('throttled'), { name: 'SlowDown' }));
    await expect(store().publish('digits', artifacts)).rejects.toThrow(/is stored .* `pnpm ml models promote digits@/);
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).not.toContain('models/digits/latest.json');
  });

  it('leaves the pointer alone when an artifact write fails', async () => {
    s3Mock.on(PutObjectCommand).resolvesOnce({}).rejectsOnce(new Error('connection reset'));
    await expect(store().publish('digits', artifacts)).rejects.toThrow('connection reset');
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).not.toContain('models/digits/latest.json');
  });
});

describe('ModelStore.latest', () => {
  beforeEach(() => s3Mock.reset());

  it('returns undefined before any model is published', async () => {
    s3Mock.on(GetObjectCommand).rejects(Object.assign(new Error('missing'), { name: 'NoSuchKey' }));
    await expect(store().latest('digits')).resolves.toBeUndefined();
  });
});

describe('newVersionId', () => {
  it('sorts by time', () => {
    const a = newVersionId(new Date('2026-01-01T00:00:00.000Z'));
    const b = newVersionId(new Date('2026-01-01T00:00:00.001Z'));
    expect([b, a].sort()).toEqual([a, b]);
  });
});
