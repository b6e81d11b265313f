import { sha256Hex } from '@serverless-ml/datasets';
import { ValidationError } from '@serverless-ml/errors';
import { parseWeatherCsv, RAIN_FEATURE_NAMES, type RecordedDay, rainExamples } from '@serverless-ml/rain-model';
import type { TrainDeps, TrainSummary } from '../train-types';
import { type LoadedDataset, runTrainer, type TrainedModel, type Trainer } from '../trainer-pipeline';
import { accuracyAt, brierScore, rocAuc } from './binary-metrics';
import { type BoostingParams, predictProbabilities, trainBoostedTrees } from './boosted-trees';
import { exportBoostedTreesToOnnx } from './export-boosted-trees-onnx';
import { maxAbsDiff, onnxProbabilities } from './onnx-probabilities';
import { baselineAccuracies, featureMatrix, splitByYear } from './rain-dataset';
import { type RainMetrics, rainMetadata, round } from './rain-metadata';
import { rainPlots } from './rain-plots';

/** Chosen by leave-one-year-out cross-validation on 2012–2014 (never on the 2015 test year). */
export const RAIN_BOOSTING_PARAMS: Omit<BoostingParams, 'seed'> = {
  trees: 300,
  learningRate: 0.02,
  maxDepth: 3,
  minLeafRows: 40,
  l2: 1,
  subsample: 0.5,
  maxBins: 64,
};
export const RAIN_TEST_YEAR = 2015;
/** Fixed before training, not tuned: at 0.5 a calibrated probability maximises expected accuracy. */
export const RAIN_THRESHOLD = 0.5;

export interface TrainRainRequest {
  datasetKey: string;
  seed?: number;
}

/** The rain-tomorrow model on NOAA daily weather, as a trainer of the pipeline. */
export function rainTrainer(request: TrainRainRequest): Trainer<RecordedDay[]> {
  return {
    model: 'rain',
    datasetKind: 'a weather CSV',
    parse: (raw) => parseWeatherCsv(new TextDecoder().decode(raw)),
    describe: (days) => `${days.length} recorded days`,
    train: (days, dataset, log) => trainRainModel(days, dataset, request.seed ?? 42, log),
  };
}

/** Trains the rain-tomorrow model, checks its ONNX export with ONNX Runtime and publishes it. */
export function trainRain(request: TrainRainRequest, deps: TrainDeps): Promise<TrainSummary> {
  return runTrainer(rainTrainer(request), { ...request, seed: request.seed ?? 42 }, deps);
}

async function trainRainModel(
  days: RecordedDay[],
  dataset: LoadedDataset,
  seed: number,
  log: (message: string) => void,
): Promise<TrainedModel> {
  const params: BoostingParams = { ...RAIN_BOOSTING_PARAMS, seed };
  const split = splitByYear(rainExamples(days), RAIN_TEST_YEAR);
  if (split.train.length === 0 || split.test.length === 0)
    throw new ValidationError(`dataset ${dataset.key} needs days before and during ${RAIN_TEST_YEAR}`);
  log(
    `[split] ${RAIN_FEATURE_NAMES.length} features for ${split.train.length} train and ${split.test.length} test rows`,
  );
  const f = RAIN_FEATURE_NAMES.length;
  const train = featureMatrix(split.train, true);
  const test = featureMatrix(split.test, true);
  const testToday = featureMatrix(split.test, false);

  log(`[train] ${params.trees} boosted trees (depth ${params.maxDepth}, rate ${params.learningRate})`);
  const started = performance.now();
  const model = trainBoostedTrees(train.rows, train.labels, f, params);
  const trainingMs = performance.now() - started;

  log(`[export] ONNX, evaluated with ONNX Runtime on ${test.count} test rows`);
  const onnx = exportBoostedTreesToOnnx(model, { model: 'rain', features: RAIN_FEATURE_NAMES.join(',') });
  const [served, servedToday] = await onnxProbabilities(onnx, [test.rows, testToday.rows], f);
  const drift = Math.max(
    maxAbsDiff(served, predictProbabilities(model, test.rows)),
    maxAbsDiff(servedToday, predictProbabilities(model, testToday.rows)),
  );
  const baselines = baselineAccuracies(split.test);
  const metrics: RainMetrics = {
    accuracy: round(accuracyAt(served, test.labels, RAIN_THRESHOLD)),
    auc: round(rocAuc(served, test.labels)),
    brier: round(brierScore(served, test.labels)),
    threshold: RAIN_THRESHOLD,
    baselines: { always_dry_accuracy: round(baselines.alwaysDry), persistence_accuracy: round(baselines.persistence) },
    without_recent_days: {
      accuracy: round(accuracyAt(servedToday, test.labels, RAIN_THRESHOLD)),
      auc: round(rocAuc(servedToday, test.labels)),
      brier: round(brierScore(servedToday, test.labels)),
    },
  };
  log(`accuracy ${metrics.accuracy.toFixed(4)}, AUC ${metrics.auc.toFixed(4)}`);
  const metadata = rainMetadata({
    params,
    dataset: { key: dataset.key, sha256: dataset.sha256, rows: days.length },
    split,
    metrics,
    onnx: { sha256: sha256Hex(onnx), featureCount: f, maxAbsDiffVsTrainer: drift },
    trainingMs,
  });
  const plots = rainPlots({
    probabilities: served,
    labels: test.labels,
    test: split.test,
    train: split.train,
    auc: metrics.auc,
  });
  return { onnx, metadata, plots };
}
