import { createHash } from 'node:crypto';
import { ModelNotReadyError, UpstreamError } from '@serverless-ml/errors';
import type { ModelPointer, ModelStore } from '@serverless-ml/model-store';
import { completedMetadata } from '@serverless-ml/model-store/testing';
import { buildModel, floatTensor, node } from '@serverless-ml/onnx/graph';
import { RAIN_FEATURE_NAMES, rainFeatures } from '@serverless-ml/rain-model';
import { onnx } from 'onnx-proto';
import { OnnxRainPredictor } from './onnx-rain-predictor';

const F = RAIN_FEATURE_NAMES.length;
const weights = Array.from({ length: F }, (_, i) => (i % 3 === 0 ? 0.05 : -0.02));

/** A real (tiny) logistic model with the rain contract: features [N, F] → probability [N, 1]. */
function logisticModel(bias: number): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  return buildModel({
    name: 'rain-test',
    nodes: [
      node('MatMul', ['features', 'w'], ['z0']),
      node('Add', ['z0', 'b'], ['z']),
      node('Sigmoid', ['z'], ['probability']),
    ],
    initializers: [floatTensor('w', [F, 1], weights), floatTensor('b', [1], [bias])],
    inputs: [{ name: 'features', elemType: FLOAT, shape: ['N', F] }],
    outputs: [{ name: 'probability', elemType: FLOAT, shape: ['N', 1] }],
  });
}

function fakeStore(state: { version?: string; bias?: number; features?: readonly string[]; tampered?: boolean }) {
  const model = () => logisticModel(state.bias ?? 0);
  const pointer = (): ModelPointer | undefined =>
    state.version === undefined
      ? undefined
      : {
          model: 'rain',
          version: state.version,
          prefix: `models/rain/versions/${state.version}/`,
          modelSha256: createHash('sha256').update(model()).digest('hex'),
          publishedAt: '2026-01-01T00:00:00Z',
        };
  const file = (version: string, name: string) => {
    if (name === 'model.onnx') return state.tampered ? new Uint8Array([1, 2, 3]) : model();
    const features = state.features ?? RAIN_FEATURE_NAMES;
    return new TextEncoder().encode(
      completedMetadata('rain', version, { 'model.onnx': model() }, { task: 'binary-classification', features }),
    );
  };
  return {
    latest: jest.fn(async () => pointer()),
    artifact: jest.fn(async (p: ModelPointer, name: string) => file(p.version, name)),
    versionFile: jest.fn(async (_m: string, version: string, name: string) => file(version, name)),
    versionFiles: jest.fn(async () => ['metadata.json', 'model.onnx']),
  } as unknown as ModelStore & { latest: jest.Mock };
}

const today = { date: '2015-06-01', precipitation: 4.6, temp_max: 16.1, temp_min: 11.7, wind: 3.4 };
const place = { latitude: 47.6, longitude: -122.3 };
const quiet = () => undefined;

describe('OnnxRainPredictor (real ONNX Runtime, tiny logistic model)', () => {
  it('runs rainFeatures through the model and returns its probability and version', async () => {
    const predictor = new OnnxRainPredictor(fakeStore({ version: 'v1', bias: 0.3 }), 5000, quiet);
    const x = rainFeatures(today, place, []);
    const z = x.reduce((sum, v, i) => sum + v * weights[i], 0.3);
    const { probability, modelVersion } = await predictor.predict(today, place, []);
    expect(modelVersion).toBe('v1');
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 5);
  });

  it('follows the latest pointer after the TTL', async () => {
    const state = { version: 'v1', bias: 0 };
    let clock = 0;
    const predictor = new OnnxRainPredictor(fakeStore(state), 1000, quiet, () => clock);
    await predictor.predict(today, place, []);
    Object.assign(state, { version: 'v2', bias: 5 });
    expect((await predictor.predict(today, place, [])).modelVersion).toBe('v1');
    clock = 2000;
    expect((await predictor.predict(today, place, [])).modelVersion).toBe('v2');
  });

  it('returns 503 before any rain model is published', async () => {
    const predictor = new OnnxRainPredictor(fakeStore({}), 5000, quiet);
    await expect(predictor.predict(today, place, [])).rejects.toThrow(ModelNotReadyError);
  });

  it('refuses a model trained on other features', async () => {
    const predictor = new OnnxRainPredictor(fakeStore({ version: 'v1', features: ['precipitation'] }), 5000, quiet);
    await expect(predictor.predict(today, place, [])).rejects.toThrow(/trained on features \["precipitation"\]/);
  });

  it('refuses a model whose bytes do not match the pointer', async () => {
    const predictor = new OnnxRainPredictor(fakeStore({ version: 'v1', tampered: true }), 5000, quiet);
    await expect(predictor.predict(today, place, [])).rejects.toThrow(UpstreamError);
  });

  it('predicts with a pinned version, refusing one trained on other features', async () => {
    const old = logisticModel(-5);
    const meta = (features: readonly string[]) =>
      new TextEncoder().encode(completedMetadata('rain', 'v0', { 'model.onnx': old }, { features }));
    const files: Record<string, Record<string, Uint8Array>> = {
      v0: { 'model.onnx': old, 'metadata.json': meta(RAIN_FEATURE_NAMES) },
      vx: { 'model.onnx': old, 'metadata.json': meta(['precipitation']) },
    };
    const store = Object.assign(fakeStore({ version: 'v1' }), {
      versionFile: async (_m: string, version: string, name: string) => files[version]?.[name],
      versionFiles: async (_m: string, version: string) => Object.keys(files[version] ?? {}),
    });
    store.artifact = jest.fn(async (p: ModelPointer, name: string) => files[p.version]?.[name] ?? new Uint8Array());
    const predictor = new OnnxRainPredictor(store, 5000, quiet);
    const pinned = await predictor.predict(today, place, [], 'v0');
    expect(pinned.modelVersion).toBe('v0');
    expect(pinned.probability).toBeLessThan(0.1);
    await expect(predictor.predict(today, place, [], 'vx')).rejects.toThrow(/trained on features \["precipitation"\]/);
    await expect(predictor.predict(today, place, [], 'v9')).rejects.toThrow('no version "v9" of model rain');
  });
});
