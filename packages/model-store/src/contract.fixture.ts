import type { MetadataDraft } from './model-contract';
import type { ModelArtifact, ModelStore } from './model-store';
import { sha256Hex } from './version-integrity';

/** A metadata.json draft that follows the contract, for tests; `overrides` replace top-level fields. */
export function draftMetadata(model = 'digits', overrides: Record<string, unknown> = {}): MetadataDraft {
  return {
    model,
    task: 'classification',
    algorithm: 'svc',
    hyperParameters: { gamma: 0.001 },
    seed: null,
    input: {
      features: [{ name: 'x', type: 'number' }],
      tensors: [{ name: 'input', type: 'float32', features: ['x'] }],
    },
    output: { tensor: 'label', name: 'label', classes: [0, 1] },
    metrics: { accuracy: 0.9 },
    baselines: { majority_class_accuracy: 0.5 },
    dataset: { key: 'digits.csv.gz', sha256: 'd'.repeat(64), rows: 10, trainRows: 5, testRows: 5 },
    trainEvent: { model },
    codeVersion: 'test',
    versions: {},
    trainingMs: 1,
    ...overrides,
  } as MetadataDraft;
}

/** The artifacts of a version whose model.onnx is `onnx` (any text), with a contract metadata.json. */
export function fixtureArtifacts(onnx: string | Uint8Array, model = 'digits', overrides = {}): ModelArtifact[] {
  return [
    { name: 'model.onnx', body: onnx, contentType: 'application/octet-stream' },
    { name: 'metadata.json', body: JSON.stringify(draftMetadata(model, overrides)), contentType: 'application/json' },
  ];
}

/** Publishes a fixture version at `day` (UTC, January 2026) and returns its version id. */
export async function publishFixture(store: ModelStore, model: string, onnx: string, day = 1, overrides = {}) {
  const { version } = await store.publish(
    model,
    fixtureArtifacts(onnx, model, overrides),
    new Date(Date.UTC(2026, 0, day)),
  );
  return version;
}

/**
 * The metadata.json a publish would write for `files` (name → bytes) at `prefix`, for tests that
 * mock S3 object by object: what serving reads to verify a version.
 */
export function completedMetadata(
  model: string,
  version: string,
  files: Record<string, Uint8Array | string>,
  overrides: Record<string, unknown> = {},
): string {
  const artifacts = Object.entries(files).map(([name, body]) => ({
    name,
    sha256: sha256Hex(body),
    size: typeof body === 'string' ? Buffer.byteLength(body) : body.length,
    contentType: 'application/octet-stream',
  }));
  const onnx = artifacts.find((a) => a.name === 'model.onnx');
  return JSON.stringify({
    ...draftMetadata(model, overrides),
    version,
    artifacts,
    onnx: { sha256: onnx?.sha256 },
    trainedAt: '2026-01-01T00:00:00.000Z',
  });
}
