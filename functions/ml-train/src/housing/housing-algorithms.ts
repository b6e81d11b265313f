import { validationErrorFrom } from '@serverless-ml/errors';
import { type GbmHyperParameters, gbmHyperParametersSchema, trainGbm } from './gradient-boosting';
import type { HousingAlgorithm, TrainedRegressor, TrainingSet } from './housing-algorithm';
import { type MlpHyperParameters, mlpHyperParametersSchema, predictMlp, trainMlp } from './mlp-regressor';
import { mlpGraph, ridgeGraph, treeEnsembleGraph } from './model-graphs';
import { type ForestHyperParameters, forestHyperParametersSchema, trainForest } from './random-forest';
import { type LinearHyperParameters, linearHyperParametersSchema, predictRidge, trainRidge } from './ridge-regression';
import { predictEnsemble, type TreeEnsemble } from './tree-ensemble';

/** The algorithms a housing model can be trained with; gbm, the most accurate, is the default. */
export const HOUSING_ALGORITHMS = ['gbm', 'forest', 'linear', 'mlp'] as const;
export type HousingAlgorithmName = (typeof HOUSING_ALGORITHMS)[number];
export const DEFAULT_HOUSING_ALGORITHM: HousingAlgorithmName = 'gbm';

/** Each algorithm's hyper-parameter schema (zod/mini, every field defaulted), for ml-train's event schema. */
export const HOUSING_HYPER_PARAMETER_SCHEMAS = {
  gbm: gbmHyperParametersSchema,
  forest: forestHyperParametersSchema,
  linear: linearHyperParametersSchema,
  mlp: mlpHyperParametersSchema,
} as const;

const trees = (model: TreeEnsemble, featureCount: number) => ({
  predict: (features: Float32Array) => predictEnsemble(model, features, featureCount),
  graph: () => treeEnsembleGraph(model),
});
const target = (log: boolean) => (log ? 'log(USD)' : 'USD');

const gbm: HousingAlgorithm<GbmHyperParameters> = {
  schema: gbmHyperParametersSchema,
  describe: (p) =>
    `gradient-boosted regression trees (histogram splits, leaf-wise): ${p.rounds} rounds × ≤${p.maxLeaves} leaves, ` +
    `learning rate ${p.learningRate}, squared error on ${target(p.logTarget)}` +
    (p.earlyStopping ? `, early stopping (patience ${p.patience})` : ''),
  train: (data, p, seed, log) => trees(trainGbm(data, p, seed, log), data.featureCount),
};

const forest: HousingAlgorithm<ForestHyperParameters> = {
  schema: forestHyperParametersSchema,
  describe: (p) =>
    `random forest: ${p.trees} regression trees × ≤${p.maxLeaves} leaves, ${p.bootstrap ? 'bootstrap rows' : 'all rows'}, ` +
    `${Math.round(p.maxFeatures * 100)}% of the features per split, on ${target(p.logTarget)}`,
  train: (data, p, seed, log) => trees(trainForest(data, p, seed, log), data.featureCount),
};

const linear: HousingAlgorithm<LinearHyperParameters> = {
  schema: linearHyperParametersSchema,
  describe: (p) => `ridge regression (closed form, Cholesky) on standardized features, alpha ${p.alpha}`,
  train: (data, p, _seed, log) => {
    const model = trainRidge(data, p, log);
    return { predict: (features) => predictRidge(model, features), graph: () => ridgeGraph(model) };
  },
};

const mlp: HousingAlgorithm<MlpHyperParameters> = {
  schema: mlpHyperParametersSchema,
  describe: (p) =>
    `multi-layer perceptron ${[...p.hiddenLayers, 1].join('→')} (ReLU), Adam, ${p.epochs} epochs of batches of ` +
    `${p.batchSize}, on standardized features and ${p.logTarget ? 'log ' : ''}target`,
  train: (data, p, seed, log) => {
    const model = trainMlp(data, p, seed, log);
    return { predict: (features) => predictMlp(model, features), graph: () => mlpGraph(model) };
  },
};

/** Hyper-parameters resolved (defaults filled in) and a trainer bound to them. */
export interface PreparedTraining {
  hyperParameters: Record<string, unknown>;
  description: string;
  train(data: TrainingSet, seed: number, log: (message: string) => void): TrainedRegressor;
}

function prepare<P extends Record<string, unknown>>(
  algorithm: HousingAlgorithm<P>,
  hyperParameters: unknown,
): PreparedTraining {
  const result = algorithm.schema.safeParse(hyperParameters ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ ...i, path: ['hyperParameters', ...i.path] }));
    throw validationErrorFrom(issues, 'Invalid housing training: ');
  }
  const p = result.data;
  return {
    hyperParameters: { ...p },
    description: algorithm.describe(p),
    train: (data, seed, log) => algorithm.train(data, p, seed, log),
  };
}

/** Validates an algorithm's hyper-parameters (ValidationError naming the field) and fills in the defaults. */
export function prepareHousingTraining(name: HousingAlgorithmName, hyperParameters: unknown): PreparedTraining {
  switch (name) {
    case 'gbm':
      return prepare(gbm, hyperParameters);
    case 'forest':
      return prepare(forest, hyperParameters);
    case 'linear':
      return prepare(linear, hyperParameters);
    case 'mlp':
      return prepare(mlp, hyperParameters);
  }
}
