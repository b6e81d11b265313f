import { RAIN_FEATURE_NAMES, type RainExample, rainFeatures, trainingPlace } from '@serverless-ml/rain-model';

/** Examples as a row-major float32 matrix [count × features] with 0/1 labels. */
export interface RainMatrix {
  rows: Float32Array;
  labels: Uint8Array;
  count: number;
}

/** The chronological split: every year before `testYear` trains, `testYear` tests. */
export interface RainSplit {
  train: RainExample[];
  test: RainExample[];
  trainYears: number[];
  testYear: number;
}

const yearOf = (example: RainExample) => Number(example.day.date.slice(0, 4));

/** Splits examples by the year of the day the features describe (its label is the next day). */
export function splitByYear(examples: RainExample[], testYear: number): RainSplit {
  const train = examples.filter((e) => yearOf(e) < testYear);
  const test = examples.filter((e) => yearOf(e) === testYear);
  const trainYears = [...new Set(train.map(yearOf))].sort((a, b) => a - b);
  return { train, test, trainYears, testYear };
}

/**
 * The feature matrix of examples, with their recorded previous days or (`withRecentDays: false`)
 * with none, as the API sees a request that sends only today.
 */
export function featureMatrix(examples: RainExample[], withRecentDays: boolean): RainMatrix {
  const f = RAIN_FEATURE_NAMES.length;
  const rows = new Float32Array(examples.length * f);
  examples.forEach((e, i) => {
    rows.set(rainFeatures(e.day, trainingPlace(e.day.location), withRecentDays ? e.previous : []), i * f);
  });
  return { rows, labels: Uint8Array.from(examples, (e) => e.label), count: examples.length };
}

/** Accuracy of the simple rules the model must beat: "never rains" and "tomorrow is like today". */
export function baselineAccuracies(examples: RainExample[]): { alwaysDry: number; persistence: number } {
  const dry = examples.filter((e) => e.label === 0).length;
  const persistent = examples.filter((e) => (e.day.precipitation > 0 ? 1 : 0) === e.label).length;
  return { alwaysDry: dry / examples.length, persistence: persistent / examples.length };
}
