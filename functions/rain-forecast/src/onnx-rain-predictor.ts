import { sha256Hex } from '@serverless-ml/datasets';
import { ModelNotReadyError, UpstreamError } from '@serverless-ml/errors';
import type { ModelPointer, ModelStore } from '@serverless-ml/model-store';
import { createSession, loadOrt, type OrtSession } from '@serverless-ml/onnx';
import { type DayObservation, type GeoPoint, RAIN_FEATURE_NAMES, rainFeatures } from '@serverless-ml/rain-model';
import type { RainPrediction, RainPredictor } from './rain-predictor';

const MODEL = 'rain';

interface LoadedRainModel {
  pointer: ModelPointer;
  session: OrtSession;
}

/**
 * The published `rain` model in ONNX Runtime: `features` float32 [1, F] → `probability` [1] or [1, 1].
 * One session per container; the `latest` pointer is re-read at most every `ttlMs`, the model only
 * when it moved, and a model trained on other features than RAIN_FEATURE_NAMES is refused.
 */
export class OnnxRainPredictor implements RainPredictor {
  private current?: LoadedRainModel;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private loading?: Promise<LoadedRainModel>;

  constructor(
    private readonly store: ModelStore,
    private readonly ttlMs: number,
    private readonly log: (message: string) => void = console.log,
    private readonly now: () => number = Date.now,
  ) {}

  async predict(today: DayObservation, place: GeoPoint, previous: DayObservation[]): Promise<RainPrediction> {
    const model = await this.model();
    const features = rainFeatures(today, place, previous);
    const ort = loadOrt();
    const out = await model.session.run({ features: new ort.Tensor('float32', features, [1, features.length]) });
    const probability = Number(out.probability?.data[0]);
    if (!(probability >= 0 && probability <= 1)) {
      throw new UpstreamError(`rain model ${model.pointer.version} returned ${probability}, not a probability`);
    }
    return { probability, modelVersion: model.pointer.version };
  }

  private async model(): Promise<LoadedRainModel> {
    if (this.current && this.now() - this.checkedAt < this.ttlMs) return this.current;
    this.loading ??= this.refresh().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async refresh(): Promise<LoadedRainModel> {
    let pointer: ModelPointer | undefined;
    try {
      pointer = await this.store.latest(MODEL);
    } catch (error) {
      if (this.current) return this.current;
      throw new UpstreamError('could not read the rain model pointer from S3', error);
    }
    if (!pointer) throw new ModelNotReadyError('no rain model has been published yet: train it with ml-train first');
    if (this.current?.pointer.version !== pointer.version) this.current = await this.load(pointer);
    this.checkedAt = this.now();
    return this.current;
  }

  private async load(pointer: ModelPointer): Promise<LoadedRainModel> {
    const [bytes, metadata] = await Promise.all([
      this.store.artifact(pointer, 'model.onnx'),
      this.store.artifact(pointer, 'metadata.json'),
    ]).catch((error: unknown) => {
      throw new UpstreamError(`could not read the rain model ${pointer.version} from S3`, error);
    });
    if (sha256Hex(bytes) !== pointer.modelSha256) {
      throw new UpstreamError(`rain model ${pointer.version}: model.onnx does not match the pointer's sha256`);
    }
    const meta: unknown = JSON.parse(Buffer.from(metadata).toString('utf8'));
    const features = typeof meta === 'object' && meta !== null && 'features' in meta ? meta.features : undefined;
    if (JSON.stringify(features) !== JSON.stringify(RAIN_FEATURE_NAMES)) {
      throw new ModelNotReadyError(
        `rain model ${pointer.version} was trained on features ${JSON.stringify(features)}, but this function ` +
          `computes ${JSON.stringify(RAIN_FEATURE_NAMES)}: retrain, or deploy the matching rain-forecast`,
      );
    }
    const started = performance.now();
    const session = await createSession(bytes);
    this.log(`[rain-forecast] loaded rain@${pointer.version} in ${(performance.now() - started).toFixed(1)} ms`);
    return { pointer, session };
  }
}
