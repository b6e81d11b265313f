import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readDigitsCsv } from '../../packages/datasets/src';

export const REPO_DIR = path.resolve(__dirname, '../..');

/** The tutorial's split: first half trains, second half tests (train_test_split(shuffle=False)). */
export interface DigitsSplit {
  featureCount: number;
  trainRows: number[][];
  trainLabels: number[];
  /** Test features row-major as float32, the model's input type. */
  testFeatures: Float32Array;
  testRows: number;
  testLabels: number[];
}

/** Reads data/digits.csv.gz with the same parser ml-train uses and splits it like ml-train does. */
export function loadDigitsSplit(file = path.join(REPO_DIR, 'data/digits.csv.gz')): DigitsSplit {
  const data = readDigitsCsv(readFileSync(file));
  const f = data.featureCount;
  const trainCount = Math.floor(data.rows / 2);
  const trainRows = Array.from({ length: trainCount }, (_, i) =>
    Array.from(data.features.subarray(i * f, (i + 1) * f)),
  );
  return {
    featureCount: f,
    trainRows,
    trainLabels: Array.from(data.labels.subarray(0, trainCount)),
    testFeatures: Float32Array.from(data.features.subarray(trainCount * f)),
    testRows: data.rows - trainCount,
    testLabels: Array.from(data.labels.subarray(trainCount)),
  };
}
