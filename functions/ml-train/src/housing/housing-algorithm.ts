import type * as z from 'zod/mini';
import type { GraphPart } from './model-graphs';

/** The preprocessed training rows every algorithm learns from. */
export interface TrainingSet {
  count: number;
  featureCount: number;
  /** Row-major float32 `[count × featureCount]`: exactly the graph's `features` tensor for these rows. */
  features: Float32Array;
  /** median_house_value in USD. */
  target: Float64Array;
}

/** A trained model, whatever the algorithm: its own predictions and its ONNX head (`features` → `variable`). */
export interface TrainedRegressor {
  predict(features: Float32Array): Float64Array;
  graph(): GraphPart;
}

/** One algorithm: hyper-parameters with defaults, a description, and how it trains. */
export interface HousingAlgorithm<P> {
  schema: z.ZodMiniType<P, unknown>;
  describe(p: P): string;
  train(data: TrainingSet, p: P, seed: number, log: (message: string) => void): TrainedRegressor;
}
