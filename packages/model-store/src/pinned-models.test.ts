import { createHash } from 'node:crypto';
import { NotFoundError, UpstreamError, ValidationError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import type { ModelPointer } from './model-pointer';
import { PinnedModels } from './pinned-models';

const bytes = (v: string) => new TextEncoder().encode(v);
const sha = (v: string) => createHash('sha256').update(v).digest('hex');

/** Versions as `version → model.onnx text`; `recorded` says what each metadata.json records. */
function fakeStore(
  files: Record<string, string>,
  recorded: Record<string, string | undefined>,
  pointer?: ModelPointer,
) {
  return {
    latest: jest.fn(async () => pointer),
    versionFile: jest.fn(async (_model: string, version: string, name: string) => {
      if (!(version in files)) return undefined;
      if (name === 'model.onnx') return bytes(files[version]);
      const sha256 = recorded[version];
      return bytes(JSON.stringify(sha256 ? { onnx: { sha256 }, trainedAt: '2026-01-01T00:00:00Z' } : {}));
    }),
  };
}

const session = (b: Uint8Array) => ({ model: new TextDecoder().decode(b) }) as unknown as OrtSession;

function pinned(store: ReturnType<typeof fakeStore>, log: (m: string) => void = () => undefined, max = 4) {
  const create = jest.fn(async (b: Uint8Array) => session(b));
  const verify = jest.fn(async () => undefined);
  return { models: new PinnedModels('digits', { store, create, verify, log }, max), create, verify };
}

describe('PinnedModels', () => {
  it('loads exactly the version asked for, checked against its metadata, once', async () => {
    const store = fakeStore({ v1: 'one', v2: 'two' }, { v1: sha('one'), v2: sha('two') });
    const { models, create, verify } = pinned(store);
    const loaded = await models.get('v1');
    expect(loaded.pointer).toMatchObject({ model: 'digits', version: 'v1', modelSha256: sha('one') });
    expect(loaded.session).toEqual({ model: 'one' });
    expect(await models.get('v1')).toBe(loaded);
    expect(create).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith(expect.objectContaining({ prefix: 'models/digits/versions/v1/' }));
  });

  it('answers 404 naming an unknown version, 400 for a malformed one', async () => {
    const { models } = pinned(fakeStore({}, {}));
    await expect(models.get('v9')).rejects.toThrow(NotFoundError);
    await expect(models.get('v9')).rejects.toThrow('no digits model version "v9"');
    await expect(models.get('../x')).rejects.toThrow(ValidationError);
  });

  it('refuses a version whose model.onnx does not match its metadata, and retries later', async () => {
    const files = { v1: 'tampered' };
    const { models } = pinned(fakeStore(files, { v1: sha('one') }));
    await expect(models.get('v1')).rejects.toThrow(UpstreamError);
    await expect(models.get('v1')).rejects.toThrow(/refusing digits@v1: its model.onnx has sha256/);
    files.v1 = 'one';
    await expect(models.get('v1')).resolves.toMatchObject({ pointer: { version: 'v1' } });
  });

  it("falls back to the pointer history's checksum when the metadata records none", async () => {
    const history = [{ version: 'v1', modelSha256: sha('one'), promotedAt: '' }];
    const pointer = { model: 'digits', version: 'v2', prefix: '', modelSha256: sha('two'), publishedAt: '', history };
    const { models } = pinned(fakeStore({ v1: 'tampered' }, {}, pointer));
    await expect(models.get('v1')).rejects.toThrow(/but .* was recorded for it/);
  });

  it('loads a version with no checksum recorded anywhere, with a warning', async () => {
    const log = jest.fn();
    const { models } = pinned(fakeStore({ v1: 'one' }, {}), log);
    await expect(models.get('v1')).resolves.toMatchObject({ pointer: { modelSha256: sha('one') } });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/no sha256 is recorded for digits@v1/));
  });

  it('keeps at most `max` versions, dropping the least recently used', async () => {
    const store = fakeStore({ a: 'a', b: 'b', c: 'c' }, {});
    const { models, create } = pinned(store, () => undefined, 2);
    await models.get('a');
    await models.get('b');
    await models.get('a');
    await models.get('c'); // evicts b
    await models.get('a');
    expect(create).toHaveBeenCalledTimes(3);
    await models.get('b');
    expect(create).toHaveBeenCalledTimes(4);
  });
});
