import '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import * as z from 'zod/mini';

/** The models ml-train can train, and which of its event fields each one takes. */
const MODEL_FIELDS = {
  digits: ['datasetKey', 'hyperParameters'],
  rain: ['datasetKey', 'seed'],
  stores: ['datasetKey'],
  housing: ['datasetKey', 'algorithm', 'hyperParameters', 'seed'],
} as const;
type ModelName = keyof typeof MODEL_FIELDS;
const MODEL_NAMES = Object.keys(MODEL_FIELDS) as ModelName[];

/** The state machine's TimeoutSeconds (statemachines/training.asl.yml; a test keeps them equal). */
export const PIPELINE_TIMEOUT_SECONDS = 1200;

/** `always`: promote whatever trains; `if-better`: only when it beats the promoted version. */
export const PROMOTE_POLICIES = ['always', 'if-better'] as const;
export type PromotePolicy = (typeof PROMOTE_POLICIES)[number];

const nonEmpty = z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' }));

const trainingRequestSchema = z.strictObject({
  model: z.enum(MODEL_NAMES, { error: `must be one of ${MODEL_NAMES.map((m) => `"${m}"`).join(', ')}` }),
  datasetKey: z.optional(nonEmpty),
  algorithm: z.optional(nonEmpty),
  hyperParameters: z.optional(z.record(z.string(), z.unknown(), { error: 'must be an object' })),
  seed: z.optional(z.int({ error: 'must be a whole number' })),
  promote: z._default(z.enum(PROMOTE_POLICIES, { error: 'must be "always" or "if-better"' }), 'if-better'),
});

/** A validated training job: the model, the promotion policy and ml-train's event for the Train step. */
export interface TrainingJob {
  model: ModelName;
  promote: PromotePolicy;
  /** ml-train's event; `promote: false` makes it store the version without moving `latest`. */
  trainEvent: Record<string, unknown> & { model: ModelName; promote: false };
}

/** Validates a training request (the pipeline's input); a ValidationError names the first bad field. */
export function parseTrainingRequest(event: unknown): TrainingJob {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new ValidationError('Invalid training request: must be a JSON object like {"model": "housing"}');
  }
  const result = trainingRequestSchema.safeParse(event);
  if (!result.success) throw validationErrorFrom(result.error.issues, 'Invalid training request: ');
  const { model, promote, ...fields } = result.data;
  const allowed: readonly string[] = MODEL_FIELDS[model];
  const extra = Object.keys(fields).find((field) => !allowed.includes(field));
  if (extra) {
    throw new ValidationError(`Invalid training request: ${extra} does not apply to model "${model}"`, {
      issues: [{ path: extra, message: `does not apply to model "${model}"` }],
    });
  }
  return { model, promote, trainEvent: { ...fields, model, promote: false } };
}

/** The Evaluate step's input: the model and the version Train just stored. */
export function parseEvaluateInput(event: unknown): { model: string; candidate: string } {
  const result = z.strictObject({ model: nonEmpty, candidate: nonEmpty }).safeParse(event);
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues, 'Invalid evaluate input: ');
}

/** The Promote step's input: the model and the version to promote. */
export function parsePromoteInput(event: unknown): { model: string; version: string } {
  const result = z.strictObject({ model: nonEmpty, version: nonEmpty }).safeParse(event);
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues, 'Invalid promote input: ');
}
