import '@serverless-ml/config';
import { validationErrorFrom } from '@serverless-ml/errors';
import * as z from 'zod/mini';

const positive = (fallback: number) =>
  z._default(z.number({ error: 'must be a number' }).check(z.positive({ error: 'must be greater than 0' })), fallback);

/** What `sls invoke -f ml-train -d '…'` may send; every field is optional. */
export const trainEventSchema = z.strictObject({
  model: z._default(z.enum(['digits'], { error: 'must be "digits"' }), 'digits'),
  datasetKey: z._default(z.string().check(z.minLength(1)), 'digits.csv.gz'),
  hyperParameters: z._default(z.strictObject({ gamma: positive(0.001), C: positive(1), tol: positive(0.001) }), {
    gamma: 0.001,
    C: 1,
    tol: 0.001,
  }),
});

export type TrainRequest = z.infer<typeof trainEventSchema>;

/** Validates a train event; an empty or missing event trains digits with the tutorial's parameters. */
export function parseTrainEvent(event: unknown): TrainRequest {
  // `sls invoke` without `-d` sends an empty string.
  const result = trainEventSchema.safeParse(event === '' || event === null || event === undefined ? {} : event);
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues, 'Invalid ml-train event: ');
}
