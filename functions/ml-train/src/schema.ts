import '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import * as z from 'zod/mini';
import { DEFAULT_HOUSING_ALGORITHM, HOUSING_ALGORITHMS } from './housing/housing-algorithms';
import { DEFAULT_HOUSING_SEED } from './housing/train-housing-model';

export const MODELS = ['digits', 'rain', 'stores', 'housing'] as const;

const positive = (fallback: number) =>
  z._default(z.number({ error: 'must be a number' }).check(z.positive({ error: 'must be greater than 0' })), fallback);
const datasetKey = (fallback: string) => z._default(z.string().check(z.minLength(1)), fallback);
/** `false` stores the new version without moving `latest` (promote it later, or let a pipeline decide). */
const promote = z.optional(z.boolean({ error: 'must be true or false' }));

const digitsEvent = z.strictObject({
  model: z.literal('digits'),
  datasetKey: datasetKey('digits.csv.gz'),
  hyperParameters: z._default(z.strictObject({ gamma: positive(0.001), C: positive(1), tol: positive(0.001) }), {
    gamma: 0.001,
    C: 1,
    tol: 0.001,
  }),
  promote,
});

const rainEvent = z.strictObject({
  model: z.literal('rain'),
  datasetKey: datasetKey('weather.csv'),
  seed: z.optional(z.int({ error: 'must be a whole number' })),
  promote,
});

const storesEvent = z.strictObject({
  model: z.literal('stores'),
  datasetKey: datasetKey('stores.csv'),
  promote,
});

// The algorithm's own hyper-parameters are checked by the housing trainer (each has its schema).
const housingEvent = z.strictObject({
  model: z.literal('housing'),
  datasetKey: datasetKey('housing.csv'),
  algorithm: z._default(z.enum(HOUSING_ALGORITHMS), DEFAULT_HOUSING_ALGORITHM),
  hyperParameters: z.optional(z.record(z.string(), z.unknown())),
  seed: z._default(z.int({ error: 'must be a whole number' }), DEFAULT_HOUSING_SEED),
  promote,
});

/** What `sls invoke -f ml-train -d '…'` may send; `{}` trains the tutorial's digits model. */
export const trainEventSchema = z.discriminatedUnion('model', [digitsEvent, rainEvent, storesEvent, housingEvent]);

export type TrainRequest = z.infer<typeof trainEventSchema>;
export type DigitsTrainRequest = z.infer<typeof digitsEvent>;
export type HousingTrainRequest = z.infer<typeof housingEvent>;

/** Validates a train event; an empty or missing event trains digits with the tutorial's parameters. */
export function parseTrainEvent(event: unknown): TrainRequest {
  // `sls invoke` without `-d` sends an empty string.
  const body = event === '' || event === null || event === undefined ? {} : event;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('Invalid ml-train event: must be a JSON object like {"model": "digits"}');
  }
  const model = 'model' in body ? body.model : 'digits';
  if (!MODELS.some((m) => m === model)) {
    throw new ValidationError(`Invalid ml-train event: model must be one of ${MODELS.map((m) => `"${m}"`).join(', ')}`);
  }
  const result = trainEventSchema.safeParse({ ...body, model });
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues, 'Invalid ml-train event: ');
}
