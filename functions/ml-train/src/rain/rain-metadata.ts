import {
  RAIN_FEATURE_DESCRIPTIONS,
  RECENT_DAYS_IMPUTATION,
  RECENT_WINDOW_DAYS,
  TRAINING_PLACES,
} from '@serverless-ml/rain-model';
import type { TrainedModel } from '../trainer-pipeline';
import type { BoostingParams } from './boosted-trees';
import type { RainSplit } from './rain-dataset';

/** Test-set figures of the exported model (as ONNX Runtime computes them). */
export interface RainMetrics {
  accuracy: number;
  auc: number;
  brier: number;
  threshold: number;
  baselines: { always_dry_accuracy: number; persistence_accuracy: number };
  without_recent_days: { accuracy: number; auc: number; brier: number };
}

export interface RainMetadataInput {
  params: BoostingParams;
  dataset: { key: string; sha256: string; rows: number };
  split: RainSplit;
  metrics: RainMetrics;
  onnx: { sha256: string; featureCount: number; maxAbsDiffVsTrainer: number };
  trainingMs: number;
}

/** Rounds for JSON: metrics to 6 digits are plenty and diff cleanly. */
export const round = (x: number, digits = 6) => Number(x.toFixed(digits));

/** metadata.json of a rain model: what it is, what it was trained on, how well it does, how to call it. */
export function rainMetadata(m: RainMetadataInput): TrainedModel['metadata'] {
  const { seed, ...hyperParameters } = m.params;
  const names = RAIN_FEATURE_DESCRIPTIONS.map((f) => f.name);
  const { baselines, without_recent_days, ...headline } = m.metrics;
  return {
    task: 'binary-classification',
    target: 'P(precipitation > 0 tomorrow at the same place) from one day of weather',
    algorithm: 'boosted-trees',
    algorithmDescription: 'gradient-boosted regression trees on the log-loss (own implementation, histogram splits)',
    hyperParameters,
    seed,
    input: {
      features: RAIN_FEATURE_DESCRIPTIONS.map((f) => ({
        name: f.name,
        type: 'number' as const,
        description: f.description,
      })),
      tensors: [{ name: 'features', type: 'float32', features: names }],
    },
    output: { tensor: 'probability', name: 'rain_tomorrow', description: 'P(precipitation > 0 tomorrow)' },
    metrics: {
      ...headline,
      ...Object.fromEntries(Object.entries(without_recent_days).map(([k, v]) => [`without_recent_days.${k}`, v])),
    },
    baselines,
    dataset: { ...m.dataset, trainRows: m.split.train.length, testRows: m.split.test.length },
    split: {
      trainYears: m.split.trainYears,
      testYear: m.split.testYear,
      trainRows: m.split.train.length,
      testRows: m.split.test.length,
    },
    // The names alone, in input order: rain-forecast refuses a model whose list differs from its own.
    features: names,
    recentDays: { windowDays: RECENT_WINDOW_DAYS, imputation: RECENT_DAYS_IMPUTATION },
    trainingMs: round(m.trainingMs, 1),
    onnx: {
      inputs: { features: ['N', m.onnx.featureCount] },
      outputs: { probability: ['N'] },
      opsets: { '': 17, 'ai.onnx.ml': 3 },
      maxAbsDiffVsTrainer: m.onnx.maxAbsDiffVsTrainer,
    },
    trainingPlaces: TRAINING_PLACES,
  };
}
