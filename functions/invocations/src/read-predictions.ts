import { chord2ToKm } from '@serverless-ml/geo';
import type { ModelMetadata } from '@serverless-ml/model-store/contract';
import type { NearestStore, Store } from '@serverless-ml/nearest-store';
import type { OrtTensor } from './build-feeds';
import { DISTANCE_OUTPUT } from './servable-model';

/** One row's class and the classifier's score per class (in `output.classes` order). */
export interface ClassPrediction {
  label: number | string;
  scores?: number[];
}

/**
 * One row's answer: a number (regression; the probability for binary-classification), several
 * numbers (a multi-output regression), a class with its scores, or the nearest catalog rows.
 */
export type Prediction = number | number[] | ClassPrediction | NearestStore[];

/** What reading a graph's outputs needs of the model: its metadata and, for nearest-neighbours, its catalog. */
export interface PredictingModel {
  metadata: ModelMetadata;
  catalog?: Store[];
}

/**
 * A float32 as the shortest decimal that reads back as the same float32 (0.44, not
 * 0.4399999976158142): what the model computed, without float64's extra digits.
 */
export function float32Value(x: number): number {
  if (!Number.isFinite(x)) return x;
  for (let digits = 6; digits < 9; digits++) {
    const shortest = Number(x.toPrecision(digits));
    if (Math.fround(shortest) === x) return shortest;
  }
  return Number(x.toPrecision(9));
}

/** A tensor's values as JavaScript numbers or strings, row-major. */
function valuesOf(tensor: OrtTensor): (number | string)[] {
  const { data } = tensor;
  if (data instanceof Float32Array) return Array.from(data, float32Value);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return Array.from(data, Number);
  if (Array.isArray(data)) return data.map(String);
  return Array.from(data as ArrayLike<number>, Number);
}

/** Splits `values` into `rows` rows of equal width. */
function byRow<T>(values: T[], rows: number): T[][] {
  const width = values.length / rows;
  return Array.from({ length: rows }, (_, r) => values.slice(r * width, (r + 1) * width));
}

function numbersOf(tensor: OrtTensor, rows: number): Prediction[] {
  return byRow(valuesOf(tensor).map(Number), rows).map((row) => (row.length === 1 ? row[0] : row));
}

/** Index of the largest score (the first of ties). */
function argmax(scores: number[]): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

/**
 * Classes with scores. The answer tensor holds either the label per row (`[N]`, as digits' `label`;
 * the scores are then the other numeric output with one column per class, as digits' `votes`) or
 * the scores themselves (`[N, classes]`; the label is the class of the highest).
 */
function classesOf(outputs: Record<string, OrtTensor>, metadata: ModelMetadata, rows: number): ClassPrediction[] {
  const { tensor, classes } = metadata.output;
  const answer = outputs[tensor];
  const width = answer.size / rows;
  if (width > 1) {
    return byRow(valuesOf(answer).map(Number), rows).map((scores) => {
      const best = argmax(scores);
      return { label: classes?.[best] ?? best, scores };
    });
  }
  const labels = valuesOf(answer);
  const scoreTensor = Object.entries(outputs).find(
    ([name, t]) =>
      name !== tensor &&
      t.type !== 'string' &&
      t.dims.length === 2 &&
      (classes ? t.dims[1] === classes.length : t.dims[1] > 1),
  )?.[1];
  const scores = scoreTensor ? byRow(valuesOf(scoreTensor).map(Number), rows) : undefined;
  return labels.map((label, r) => (scores ? { label, scores: scores[r] } : { label }));
}

/** The catalog rows a nearest-neighbours graph's indices point at, nearest first, with great-circle distances. */
function neighboursOf(outputs: Record<string, OrtTensor>, model: PredictingModel, rows: number): NearestStore[][] {
  const catalog = model.catalog ?? [];
  const indices = byRow(valuesOf(outputs[model.metadata.output.tensor]).map(Number), rows);
  const chord2 = byRow(valuesOf(outputs[DISTANCE_OUTPUT]).map(Number), rows);
  return indices.map((row, r) =>
    row.map((index, rank) => {
      const store = catalog[index];
      if (!store) throw new Error(`the model returned catalog row ${index}, but its catalog has ${catalog.length}`);
      // Rounded to the millimetre, in nearest-store's key order.
      const { id, name, address, latitude, longitude, extra } = store;
      const distance_km = Math.round(chord2ToKm(chord2[r][rank]) * 1e6) / 1e6;
      return extra === undefined
        ? { id, name, address, latitude, longitude, distance_km }
        : { id, name, address, latitude, longitude, distance_km, extra };
    }),
  );
}

/** Turns a graph's outputs into one prediction per row, as the model's task reads them. */
export function readPredictions(
  outputs: Record<string, OrtTensor>,
  model: PredictingModel,
  rows: number,
): Prediction[] {
  const { metadata } = model;
  switch (metadata.task) {
    case 'classification':
      return classesOf(outputs, metadata, rows);
    case 'nearest-neighbours':
      return neighboursOf(outputs, model, rows);
    default:
      // regression: the value; binary-classification: the probability of the positive class.
      return numbersOf(outputs[metadata.output.tensor], rows);
  }
}
