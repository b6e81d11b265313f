import { ValidationError } from '@serverless-ml/errors';
import { loadOrt } from '@serverless-ml/onnx';
import { buildFeeds, kFeed, type OrtTensor } from './build-feeds';
import { type Answer, formatAnswer } from './format-answer';
import { DEFAULT_K } from './invocation-limits';
import type { Invocation } from './invocation-request';
import { parseInvocation } from './parse-invocation';
import { readPredictions } from './read-predictions';
import { K_INPUT } from './servable-model';
import type { ServingModel } from './serving-models';

/** What an invocation needs: the models, and how many rows one may hold. */
export interface InvokeDeps {
  models: { get(name: string, version?: string): Promise<ServingModel> };
  maxRows: number;
}

/**
 * One SageMaker-style invocation: the model (promoted or pinned) → the body's rows by its input
 * schema → ONNX Runtime → one prediction per row, as its task reads them → the accepted format.
 */
export async function invokeModel(
  invocation: Invocation,
  { models, maxRows }: InvokeDeps,
): Promise<{ answer: Answer; model: ServingModel }> {
  const model = await models.get(invocation.model, invocation.version);
  const { metadata, session } = model;
  const nearest = metadata.task === 'nearest-neighbours';
  if (invocation.k !== undefined && !nearest) {
    throw new ValidationError(`k applies to nearest-neighbours models only; ${model.name} is a ${metadata.task} model`);
  }
  const rows = parseInvocation(invocation.body, invocation.format, metadata.input, {
    maxRows,
    target: metadata.output.name,
  });
  const ort = loadOrt();
  const feeds: Record<string, OrtTensor> = buildFeeds(rows, metadata.input, ort);
  // A catalog smaller than k answers every row of it.
  if (nearest) feeds[K_INPUT] = kFeed(Math.min(invocation.k ?? DEFAULT_K, model.catalog?.length ?? 0), ort);
  const outputs = await session.run(feeds);
  const predictions = readPredictions(outputs, model, rows.length);
  return { answer: formatAnswer(predictions, invocation.answer, model), model };
}
