// Rewrites fixtures/expected-probabilities.json after a deliberate change to the features, the
// trainer or the export: `cd functions/ml-train && npx tsx src/rain/write-rain-fixture.ts`.
import { writeFileSync } from 'node:fs';
import { sha256Hex } from '@serverless-ml/datasets';
import { RAIN_FEATURE_NAMES } from '@serverless-ml/rain-model';
import { predictProbabilities } from './boosted-trees';
import { exportBoostedTreesToOnnx } from './export-boosted-trees-onnx';
import { FIXTURE_PATH, FIXTURE_SEED, trainFixtureModel } from './rain-fixture';

const { model, rows, testRows } = trainFixtureModel();
const f = RAIN_FEATURE_NAMES.length;
const fixture = {
  about: 'trainer-side P(rain tomorrow) for 2015 test rows; the ONNX export must match to 1e-5',
  seed: FIXTURE_SEED,
  featureNames: RAIN_FEATURE_NAMES,
  modelSha256: sha256Hex(exportBoostedTreesToOnnx(model)),
  rows: Array.from({ length: testRows }, (_, i) => Array.from(rows.subarray(i * f, (i + 1) * f))),
  probabilities: Array.from(predictProbabilities(model, rows)),
};
writeFileSync(FIXTURE_PATH, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`wrote ${testRows} rows to ${FIXTURE_PATH}`);
