import { PutObjectCommand } from '@aws-sdk/client-s3';
import { draftMetadata, fixtureArtifacts } from './contract.fixture';
import { mockBucket } from './mock-bucket.fixture';
import { ModelContractError, parseModelMetadata, parseModelPointer } from './model-contract';
import { ModelStore } from './model-store';
import { sha256Hex } from './version-integrity';

const KEY = 'models/digits/latest.json';

describe('the model contract', () => {
  it('reads a pointer, and names the file and the field of a malformed one', () => {
    const pointer = {
      model: 'digits',
      version: 'v1',
      prefix: 'p/',
      modelSha256: 'a'.repeat(64),
      publishedAt: '2026-01-01T00:00:00Z',
    };
    expect(parseModelPointer(JSON.stringify(pointer), KEY)).toEqual(pointer);
    expect(() => parseModelPointer(JSON.stringify({ ...pointer, prefix: undefined }), KEY)).toThrow(
      new ModelContractError(KEY, 'prefix: Invalid input: expected string, received undefined'),
    );
    expect(() => parseModelPointer('{"model":', KEY)).toThrow(
      /^models\/digits\/latest.json is not a valid registry file: not JSON/,
    );
    expect(() => parseModelPointer(JSON.stringify({ ...pointer, modelSha256: 'x' }), KEY)).toThrow(
      'modelSha256: must be a sha256 in lowercase hex',
    );
  });

  it('refuses metadata with an unknown task or a feature without a type, naming the path', () => {
    const key = 'models/x/versions/v/metadata.json';
    const complete = {
      ...draftMetadata(),
      version: 'v',
      onnx: { sha256: 'b'.repeat(64) },
      trainedAt: '2026-01-01T00:00:00Z',
    };
    const withArtifacts = {
      ...complete,
      artifacts: [{ name: 'model.onnx', sha256: 'b'.repeat(64), size: 1, contentType: 'x' }],
    };
    expect(parseModelMetadata(JSON.stringify(withArtifacts), key)).toMatchObject({ task: 'classification' });
    expect(() => parseModelMetadata(JSON.stringify({ ...withArtifacts, task: 'guessing' }), key)).toThrow(
      /task: Invalid option/,
    );
    const badFeature = { ...withArtifacts, input: { ...withArtifacts.input, features: [{ name: 'x' }] } };
    expect(() => parseModelMetadata(JSON.stringify(badFeature), key)).toThrow(/input\.features\.0\.type/);
  });

  it('reads plots listed as SVG artifacts, and versions from before plots without any', () => {
    const key = 'models/x/versions/v/metadata.json';
    const svg = { name: 'plots/roc-curve.svg', sha256: 'c'.repeat(64), size: 10, contentType: 'image/svg+xml' };
    const base = {
      ...draftMetadata(),
      version: 'v',
      onnx: { sha256: 'b'.repeat(64) },
      trainedAt: '2026-01-01T00:00:00Z',
      artifacts: [{ name: 'model.onnx', sha256: 'b'.repeat(64), size: 1, contentType: 'x' }, svg],
    };
    const plots = [{ id: 'roc-curve', title: 'ROC curve', file: 'plots/roc-curve.svg' }];
    expect(parseModelMetadata(JSON.stringify({ ...base, plots }), key).plots).toEqual(plots);
    expect(parseModelMetadata(JSON.stringify(base), key).plots).toBeUndefined();
  });

  it('refuses a plot that is not an SVG artifact of the version, a bad plot id or an id listed twice', () => {
    const key = 'models/x/versions/v/metadata.json';
    const base = {
      ...draftMetadata(),
      version: 'v',
      onnx: { sha256: 'b'.repeat(64) },
      trainedAt: '2026-01-01T00:00:00Z',
      artifacts: [
        { name: 'model.onnx', sha256: 'b'.repeat(64), size: 1, contentType: 'x' },
        { name: 'plots/a.svg', sha256: 'c'.repeat(64), size: 1, contentType: 'image/svg+xml' },
      ],
    };
    const parse = (plots: unknown) => () => parseModelMetadata(JSON.stringify({ ...base, plots }), key);
    expect(parse([{ id: 'b', title: 'B', file: 'plots/b.svg' }])).toThrow(
      'plots.0.file: plots/b.svg is not an image/svg+xml artifact of this version',
    );
    expect(parse([{ id: 'x', title: 'X', file: 'model.onnx' }])).toThrow(
      /plots\.0\.file: model\.onnx is not an image\/svg\+xml/,
    );
    expect(parse([{ id: '../a', title: 'A', file: 'plots/a.svg' }])).toThrow(/plots\.0\.id: must be a plot id/);
    const twice = { id: 'a', title: 'A', file: 'plots/a.svg' };
    expect(parse([twice, twice])).toThrow('plots.1.id: plot id a is listed twice');
  });

  it('publish completes the draft with every artifact’s size and sha256, and writes metadata.json after them', async () => {
    const bucket = mockBucket();
    const store = new ModelStore(bucket.objectStore);
    const { metadata, version } = await store.publish('digits', fixtureArtifacts('the model'));
    expect(metadata.artifacts).toEqual([
      { name: 'model.onnx', sha256: sha256Hex('the model'), size: 9, contentType: 'application/octet-stream' },
    ]);
    expect(metadata).toMatchObject({ version, onnx: { sha256: sha256Hex('the model') } });
    const keys = bucket.mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key?.split('/').pop());
    expect(keys).toEqual(['model.onnx', 'metadata.json', 'latest.json']);
    bucket.mock.restore();
  });

  it('publish refuses a draft that does not follow the contract before writing anything', async () => {
    const bucket = mockBucket();
    const store = new ModelStore(bucket.objectStore);
    await expect(
      store.publish('digits', fixtureArtifacts('m', 'digits', { metrics: { accuracy: 'high' } })),
    ).rejects.toThrow(/metadata.json is not a valid registry file: metrics.accuracy/);
    expect(bucket.mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    bucket.mock.restore();
  });
});
