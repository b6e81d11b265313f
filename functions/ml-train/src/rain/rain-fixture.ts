import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWeatherCsv, RAIN_FEATURE_NAMES, rainExamples } from '@serverless-ml/rain-model';
import { type BoostedTrees, trainBoostedTrees } from './boosted-trees';
import { featureMatrix, splitByYear } from './rain-dataset';
import { RAIN_BOOSTING_PARAMS, RAIN_TEST_YEAR } from './train-rain';

/** Where the committed expected outputs live; `pnpm tsx src/rain/write-rain-fixture.ts` rewrites them. */
export const FIXTURE_PATH = join(__dirname, 'fixtures', 'expected-probabilities.json');
export const FIXTURE_SEED = 42;

/** The model the fixture was computed from: the real data, the shipped parameters, seed 42. */
export function trainFixtureModel(): { model: BoostedTrees; rows: Float32Array; testRows: number } {
  const csv = readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'weather.csv'), 'utf8');
  const split = splitByYear(rainExamples(parseWeatherCsv(csv)), RAIN_TEST_YEAR);
  const train = featureMatrix(split.train, true);
  // Every 36th test row: 21 rows spread over both places and the whole year.
  const picked = split.test.filter((_, i) => i % 36 === 0);
  const model = trainBoostedTrees(train.rows, train.labels, RAIN_FEATURE_NAMES.length, {
    ...RAIN_BOOSTING_PARAMS,
    seed: FIXTURE_SEED,
  });
  return { model, rows: featureMatrix(picked, true).rows, testRows: picked.length };
}
