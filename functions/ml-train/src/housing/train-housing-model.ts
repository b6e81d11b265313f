import type { InputSchema, ModelTask, OutputSchema } from '@serverless-ml/model-store/contract';
import { predictHousingOnnx } from './evaluate-housing-onnx';
import { exportHousingOnnx } from './export-housing-onnx';
import { DEFAULT_HOUSING_ALGORITHM, type HousingAlgorithmName, prepareHousingTraining } from './housing-algorithms';
import { HOUSING_INPUT_SCHEMA, HOUSING_OUTPUT_SCHEMA, HOUSING_TASK } from './housing-contract';
import { type HousingRows, splitHousingRows } from './housing-dataset';
import { fitHousingPreprocessing, HOUSING_FEATURE_COUNT, housingFeatures } from './housing-features';
import { meanBaseline, predictionDrift, type RegressionMetrics, regressionMetrics } from './regression-metrics';

export interface TrainHousingRequest {
  /** The valid rows of housing.csv (parseHousingCsv); split here by data row index. */
  rows: HousingRows;
  algorithm?: HousingAlgorithmName;
  /** The algorithm's hyper-parameters; missing ones take their defaults. */
  hyperParameters?: unknown;
  seed?: number;
  log?: (message: string) => void;
}

export interface TrainedHousingModel {
  algorithm: HousingAlgorithmName;
  algorithmDescription: string;
  /** Every hyper-parameter, defaults filled in. */
  hyperParameters: Record<string, unknown>;
  seed: number;
  task: ModelTask;
  input: InputSchema;
  output: OutputSchema;
  onnx: Uint8Array;
  split: { trainRows: number; testRows: number };
  /** Test rows in file order: what was observed, the trainer's own (float64) predictions and ONNX Runtime's, in USD. */
  testTargets: ArrayLike<number>;
  trainerPredictions: Float64Array;
  onnxPredictions: Float32Array;
  /** How far ONNX Runtime's answers are from the trainer's (float32 graph vs float64 trainer). */
  onnxDrift: { maxAbsDiff: number; maxRelDiff: number };
  /** The exported model's test-set figures, as ONNX Runtime computes them. */
  metrics: RegressionMetrics;
  /** Always predicting the mean of the training targets. */
  baselines: { predict_mean_r2: number; predict_mean_rmse: number; predict_mean_mae: number };
  /** Wall time of fitting the preprocessing and training (not export or evaluation). */
  trainMs: number;
}

/** Beyond float32 rounding (~1e-6 relative) by far: an export that disagrees this much is a bug, not noise. */
const MAX_RELATIVE_DRIFT = 1e-3;
export const DEFAULT_HOUSING_SEED = 42;

/**
 * Trains a housing regressor on the fixed split (data row i tests when i % 5 == 4), exports it to
 * ONNX with its preprocessing inside the graph, and evaluates the exported model with ONNX Runtime
 * on the test rows. Deterministic: the same rows, algorithm, hyper-parameters and seed give the same bytes.
 */
export async function trainHousingModel(request: TrainHousingRequest): Promise<TrainedHousingModel> {
  const { rows, algorithm = DEFAULT_HOUSING_ALGORITHM, seed = DEFAULT_HOUSING_SEED, log = () => {} } = request;
  const prepared = prepareHousingTraining(algorithm, request.hyperParameters);
  const { train, test } = splitHousingRows(rows);
  if (train.count === 0 || test.count === 0)
    throw new RangeError(`need train and test rows (${train.count}, ${test.count})`);
  log(`[1/3] ${algorithm} on ${train.count} train rows, ${test.count} test rows: ${prepared.description}`);

  const started = performance.now();
  const prep = fitHousingPreprocessing(train);
  const data = {
    count: train.count,
    featureCount: HOUSING_FEATURE_COUNT,
    features: housingFeatures(train, prep),
    target: train.target,
  };
  const model = prepared.train(data, seed, log);
  const trainMs = performance.now() - started;

  log(`[2/3] trained in ${Math.round(trainMs)} ms; exporting to ONNX`);
  const metadata = {
    model: 'housing',
    algorithm,
    hyperParameters: JSON.stringify(prepared.hyperParameters),
    seed: String(seed),
  };
  const onnx = exportHousingOnnx(algorithm, prep, model.graph(), metadata, prepared.description);

  log(`[3/3] evaluating the ONNX model (${onnx.length} bytes) with ONNX Runtime on ${test.count} test rows`);
  const onnxPredictions = await predictHousingOnnx(onnx, test);
  const trainerPredictions = model.predict(housingFeatures(test, prep));
  const onnxDrift = predictionDrift(trainerPredictions, onnxPredictions);
  if (onnxDrift.maxRelDiff > MAX_RELATIVE_DRIFT)
    throw new Error(
      `the ${algorithm} ONNX export disagrees with its trainer: max relative difference ${onnxDrift.maxRelDiff}`,
    );
  const metrics = regressionMetrics(test.target, onnxPredictions);
  const baseline = meanBaseline(train.target, test.target);
  log(`test R² ${metrics.r2.toFixed(4)}, RMSE ${Math.round(metrics.rmse)}, MAE ${Math.round(metrics.mae)} USD`);
  return {
    algorithm,
    algorithmDescription: prepared.description,
    hyperParameters: prepared.hyperParameters,
    seed,
    task: HOUSING_TASK,
    input: HOUSING_INPUT_SCHEMA,
    output: HOUSING_OUTPUT_SCHEMA,
    onnx,
    split: { trainRows: train.count, testRows: test.count },
    testTargets: test.target,
    trainerPredictions,
    onnxPredictions,
    onnxDrift,
    metrics,
    baselines: { predict_mean_r2: baseline.r2, predict_mean_rmse: baseline.rmse, predict_mean_mae: baseline.mae },
    trainMs,
  };
}
