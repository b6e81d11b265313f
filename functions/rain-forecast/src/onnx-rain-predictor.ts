import { ModelNotReadyError, UpstreamError } from '@serverless-ml/errors';
import { ModelCache, type ModelPointer, type ModelStore } from '@serverless-ml/model-store';
import { createSession, loadOrt } from '@serverless-ml/onnx';
import { type DayObservation, type GeoPoint, RAIN_FEATURE_NAMES, rainFeatures } from '@serverless-ml/rain-model';
import type { RainPrediction, RainPredictor } from './rain-predictor';

/** Refuses a model trained on other features than the ones this function computes. */
async function checkFeatures(store: ModelStore, pointer: ModelPointer): Promise<void> {
  const metadata = await store.artifact(pointer, 'metadata.json').catch((error: unknown) => {
    throw new UpstreamError(`could not read the rain model ${pointer.version}'s metadata from S3`, error);
  });
  const meta: unknown = JSON.parse(Buffer.from(metadata).toString('utf8'));
  const features = typeof meta === 'object' && meta !== null && 'features' in meta ? meta.features : undefined;
  if (JSON.stringify(features) !== JSON.stringify(RAIN_FEATURE_NAMES)) {
    throw new ModelNotReadyError(
      `rain model ${pointer.version} was trained on features ${JSON.stringify(features)}, but this function ` +
        `computes ${JSON.stringify(RAIN_FEATURE_NAMES)}: retrain, or deploy the matching rain-forecast`,
    );
  }
}

/**
 * The published `rain` model in ONNX Runtime: `features` float32 [1, F] → `probability` [1] or [1, 1].
 * Model loading, pointer following, pinned versions and keeping the old model on a failed reload
 * are ModelCache's.
 */
export class OnnxRainPredictor implements RainPredictor {
  private readonly cache: ModelCache;

  constructor(
    store: ModelStore,
    ttlMs: number,
    log: (message: string) => void = console.log,
    now: () => number = Date.now,
  ) {
    const prefixed = (message: string) => log(`[rain-forecast] ${message}`);
    this.cache = new ModelCache(store, 'rain', ttlMs, prefixed, createSession, now, (p) => checkFeatures(store, p));
  }

  async predict(
    today: DayObservation,
    place: GeoPoint,
    previous: DayObservation[],
    version?: string,
  ): Promise<RainPrediction> {
    const model = await this.cache.get(version);
    const features = rainFeatures(today, place, previous);
    const ort = loadOrt();
    const out = await model.session.run({ features: new ort.Tensor('float32', features, [1, features.length]) });
    const probability = Number(out.probability?.data[0]);
    if (!(probability >= 0 && probability <= 1)) {
      throw new UpstreamError(`rain model ${model.pointer.version} returned ${probability}, not a probability`);
    }
    return { probability, modelVersion: model.pointer.version };
  }
}
