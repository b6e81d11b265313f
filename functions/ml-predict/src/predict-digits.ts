import { decodeNpy } from '@serverless-ml/datasets';
import type { ModelStore } from '@serverless-ml/model-store';
import { loadOrt } from '@serverless-ml/onnx';
import type * as z from 'zod/mini';
import type { LoadedModel } from './model-cache';
import { type imagesResultSchema, PIXELS } from './schema';

/** What `POST /digits/predict` answers; its schema is also the API description's. */
export type ImagesResult = z.infer<typeof imagesResultSchema>;
export type ImagePrediction = ImagesResult['predictions'][number];

export interface TestSetResult {
  modelVersion: string;
  total: number;
  correct: number;
  accuracy: number;
  predictions: number[];
}

async function run(model: LoadedModel, pixels: Float32Array, rows: number) {
  const ort = loadOrt();
  const out = await model.session.run({ input: new ort.Tensor('float32', pixels, [rows, PIXELS]) });
  const labels = Array.from(out.label.data as BigInt64Array, Number);
  const votes = out.votes.data as Float32Array;
  const classes = out.votes.dims[1];
  return { labels, votes, classes };
}

/** Classifies 8×8 images (64 values 0..16 each, as in scikit-learn's digits). */
export async function predictImages(images: number[][], model: LoadedModel): Promise<ImagesResult> {
  const { labels, votes, classes } = await run(model, Float32Array.from(images.flat()), images.length);
  return {
    modelVersion: model.pointer.version,
    classes: Array.from({ length: classes }, (_, i) => i),
    predictions: labels.map((label, i) => ({
      label,
      scores: Array.from(votes.subarray(i * classes, (i + 1) * classes)),
    })),
  };
}

/** The tutorial's ml-predict: downloads the model's test set, predicts every row, logs the result. */
export async function predictTestSet(
  model: LoadedModel,
  store: ModelStore,
  log: (m: string) => void,
): Promise<TestSetResult> {
  const [features, expected] = await Promise.all([
    store.artifact(model.pointer, 'test-set.npy').then(decodeNpy),
    store.artifact(model.pointer, 'test-labels.npy').then(decodeNpy),
  ]);
  const rows = features.shape[0];
  const { labels } = await run(model, Float32Array.from(features.data as Float64Array), rows);
  const truth = Array.from(expected.data as BigInt64Array, Number);
  const correct = labels.filter((label, i) => label === truth[i]).length;
  log(`--> prediction result: [${labels.join(' ')}]`);
  log(`--> accuracy: ${(correct / rows).toFixed(4)} (${correct}/${rows}) with digits@${model.pointer.version}`);
  return { modelVersion: model.pointer.version, total: rows, correct, accuracy: correct / rows, predictions: labels };
}
