import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import type { ModelStore, ObjectStore } from '@serverless-ml/model-store';
import { draftMetadata } from '@serverless-ml/model-store/testing';
import { type BatchDeps, startBatch } from './batch-runs';
import type { CsvObjects } from './csv-object';

const FEATURES = ['rooms', 'age'];
const metadata = JSON.stringify({
  ...draftMetadata('housing', {
    task: 'regression',
    input: {
      features: FEATURES.map((name) => ({ name, type: 'number' })),
      tensors: [{ name: 'input', type: 'float32', features: FEATURES }],
    },
    output: { tensor: 'variable', name: 'price' },
    metrics: { r2: 0.8 },
    baselines: {},
  }),
  version: 'v1',
  onnx: { sha256: 'b'.repeat(64) },
  trainedAt: '2026-12-01T00:00:00Z',
  artifacts: [{ name: 'model.onnx', sha256: 'b'.repeat(64), size: 1, contentType: 'application/octet-stream' }],
});

/** A data bucket holding `files`, a registry where housing's promoted version is v1, and the runs started. */
function deps(files: Record<string, string>) {
  const started: string[] = [];
  const csv: CsvObjects = {
    bucket: 'data',
    async size(key) {
      if (!(key in files)) throw new NotFoundError(`no object s3://data/${key}`);
      return Buffer.byteLength(files[key]);
    },
    async read(key, from, to) {
      return Buffer.from(files[key]).subarray(from, to);
    },
  };
  const store = {
    latest: async (model: string) => (model === 'housing' ? { version: 'v1' } : undefined),
    versions: async () => [],
    versionFile: async (_model: string, version: string) => (version === 'v1' ? metadata : undefined),
  } as unknown as ModelStore;
  const batch: BatchDeps = {
    executions: {
      start: async (runId) => void started.push(runId),
      describe: async () => undefined,
    },
    store,
    csv,
    data: {} as ObjectStore,
    now: () => new Date('2026-12-01T12:00:00Z'),
  };
  return { batch, started };
}

describe('startBatch', () => {
  it('starts a run with the version pinned when the input has the model header', async () => {
    const { batch, started } = deps({ 'rows.csv': 'rooms,age\n3,20\n4,5\n' });
    const run = await startBatch({ model: 'housing', input: 's3://data/rows.csv' }, batch);
    expect(run).toMatchObject({ status: 'RUNNING', version: 'v1', input: 's3://data/rows.csv' });
    expect(started).toEqual([run.runId]);
  });

  it.each([
    ['a first line that names features but is not the header', 'age,rooms\n3,20\n', /looks like a header.*rooms, age/],
    ['a header with the target column', 'rooms,age,price\n3,20,1.5\n', /without the target price/],
    ['a header and no rows', 'rooms,age\n', /has no rows to score/],
    ['an empty object', '', /has no rows to score/],
  ])('answers 400 for %s, and starts no run', async (_, body, message) => {
    const { batch, started } = deps({ 'rows.csv': body });
    const error = await startBatch({ model: 'housing', input: 'rows.csv' }, batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String(error)).toMatch(message);
    expect(started).toEqual([]);
  });

  it('answers 404 for a missing input, and starts no run', async () => {
    const { batch, started } = deps({});
    await expect(startBatch({ model: 'housing', input: 'rows.csv' }, batch)).rejects.toThrow(NotFoundError);
    expect(started).toEqual([]);
  });
});
