import type { DayObservation, GeoPoint } from '@serverless-ml/rain-model';

export interface RainPrediction {
  /** P(rain tomorrow), 0..1 */
  probability: number;
  modelVersion: string;
}

/** The model behind one call: the ONNX adapter in production, a plain function in tests. */
export interface RainPredictor {
  /** `previous` are the days before `today`, newest first, possibly empty; `version` pins the model. */
  predict(
    today: DayObservation,
    place: GeoPoint,
    previous: DayObservation[],
    version?: string,
  ): Promise<RainPrediction>;
}
