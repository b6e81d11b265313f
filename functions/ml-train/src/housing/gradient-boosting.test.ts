import { gbmHyperParametersSchema, trainGbm } from './gradient-boosting';
import type { TrainingSet } from './housing-algorithm';
import { selectRows, splitHousingRows } from './housing-dataset';
import { fitHousingPreprocessing, HOUSING_FEATURE_COUNT, housingFeatures } from './housing-features';
import { realHousing } from './housing-fixture';
import { regressionMetrics } from './regression-metrics';
import { predictEnsemble } from './tree-ensemble';

// Every 5th training row (the file is sorted by region) keeps these fast; train-housing-model.test.ts
// trains the full default.
const { train, test } = splitHousingRows(realHousing().rows);
const small = selectRows(train, (i) => i % 5 === 0);
const prep = fitHousingPreprocessing(small);
const data: TrainingSet = {
  count: small.count,
  featureCount: HOUSING_FEATURE_COUNT,
  features: housingFeatures(small, prep),
  target: small.target,
};
const testFeatures = housingFeatures(test, prep);
const r2 = (model: ReturnType<typeof trainGbm>) =>
  regressionMetrics(test.target, predictEnsemble(model, testFeatures, HOUSING_FEATURE_COUNT)).r2;

describe('trainGbm', () => {
  it('stops early on its validation slice and keeps the best rounds', () => {
    const log = jest.fn();
    const p = gbmHyperParametersSchema.parse({ rounds: 2000, learningRate: 0.5, earlyStopping: true, patience: 5 });
    const model = trainGbm(data, p, 1, log);
    expect(model.trees.length).toBeLessThan(2000);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^gbm: early stop at round \d+, keeping the best \d+ trees$/),
    );
    expect(log).toHaveBeenCalledWith('gbm: 2973 fitting rows, 330 validation rows, 16 features binned');
    expect(r2(model)).toBeGreaterThan(0.7);
  });

  it('grows each tree on a seeded subsample: the same seed gives the same trees, another seed others', () => {
    const p = gbmHyperParametersSchema.parse({ rounds: 30, subsample: 0.5 });
    const [a, b, c] = [trainGbm(data, p, 1, () => {}), trainGbm(data, p, 1, () => {}), trainGbm(data, p, 2, () => {})];
    expect(a).toEqual(b);
    expect(a.trees).not.toEqual(c.trees);
    expect(r2(a)).toBeGreaterThan(0.7);
  });

  it('learns log(target) when asked, which the ensemble turns back into USD', () => {
    const model = trainGbm(data, gbmHyperParametersSchema.parse({ rounds: 50, logTarget: true }), 1, () => {});
    expect(model.logTarget).toBe(true);
    expect(model.baseValue).toBeGreaterThan(11);
    expect(model.baseValue).toBeLessThan(13);
    expect(r2(model)).toBeGreaterThan(0.7);
  });
});
