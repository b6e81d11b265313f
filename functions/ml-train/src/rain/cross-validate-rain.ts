// Leave-one-year-out cross-validation of the rain model on the training years only (never the
// test year), so a change of features or hyper-parameters can be judged without looking at 2015:
//   cd functions/ml-train && npx tsx src/rain/cross-validate-rain.ts ['{"maxDepth":4}']
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWeatherCsv, RAIN_FEATURE_NAMES, type RainExample, rainExamples } from '@serverless-ml/rain-model';
import { localDataDir } from '../retrain/local-data-dir';
import { accuracyAt, rocAuc } from './binary-metrics';
import { type BoostingParams, predictProbabilities, trainBoostedTrees } from './boosted-trees';
import { featureMatrix, splitByYear } from './rain-dataset';
import { RAIN_BOOSTING_PARAMS, RAIN_TEST_YEAR, RAIN_THRESHOLD } from './train-rain';

export interface RainFold {
  heldOutYear: number;
  train: RainExample[];
  validation: RainExample[];
}

export interface FoldScore {
  heldOutYear: number;
  rows: number;
  auc: number;
  accuracy: number;
}

/** One fold per year before `testYear`: train on the other such years, validate on that one. */
export function leaveOneYearOutFolds(examples: RainExample[], testYear: number): RainFold[] {
  const { train, trainYears } = splitByYear(examples, testYear);
  const yearOf = (e: RainExample) => Number(e.day.date.slice(0, 4));
  return trainYears.map((heldOutYear) => ({
    heldOutYear,
    train: train.filter((e) => yearOf(e) !== heldOutYear),
    validation: train.filter((e) => yearOf(e) === heldOutYear),
  }));
}

/** Trains on each fold's years and scores the held-out year with the trainer's own predictions. */
export function crossValidateRain(examples: RainExample[], params: BoostingParams, testYear: number): FoldScore[] {
  const f = RAIN_FEATURE_NAMES.length;
  return leaveOneYearOutFolds(examples, testYear).map((fold) => {
    const train = featureMatrix(fold.train, true);
    const validation = featureMatrix(fold.validation, true);
    const model = trainBoostedTrees(train.rows, train.labels, f, params);
    const p = predictProbabilities(model, validation.rows);
    return {
      heldOutYear: fold.heldOutYear,
      rows: validation.count,
      auc: rocAuc(p, validation.labels),
      accuracy: accuracyAt(p, validation.labels, RAIN_THRESHOLD),
    };
  });
}

function main() {
  const overrides: Partial<BoostingParams> = process.argv[2] ? JSON.parse(process.argv[2]) : {};
  const params: BoostingParams = { ...RAIN_BOOSTING_PARAMS, seed: 42, ...overrides };
  const file = path.join(localDataDir(), 'weather.csv');
  const examples = rainExamples(parseWeatherCsv(readFileSync(file, 'utf8')));
  console.log(
    `leave-one-year-out before ${RAIN_TEST_YEAR}, ${RAIN_FEATURE_NAMES.length} features, ${JSON.stringify(params)}`,
  );
  const scores = crossValidateRain(examples, params, RAIN_TEST_YEAR);
  for (const s of scores)
    console.log(`  ${s.heldOutYear}: AUC ${s.auc.toFixed(4)}, accuracy ${s.accuracy.toFixed(4)} (${s.rows} rows)`);
  const mean = (pick: (s: FoldScore) => number) => scores.reduce((a, s) => a + pick(s), 0) / scores.length;
  console.log(`  mean: AUC ${mean((s) => s.auc).toFixed(4)}, accuracy ${mean((s) => s.accuracy).toFixed(4)}`);
}

if (require.main === module) main();
