import { validationErrorFrom } from '@serverless-ml/errors';
import { z } from 'zod';

const positive = () => z.number({ error: 'must be a number' }).finite().positive({ error: 'must be greater than 0' });

/** What `sls invoke -f ml-train -d '…'` may send; every field is optional. */
export const trainEventSchema = z
  .object({
    model: z.enum(['digits'], { error: 'must be "digits"' }).default('digits'),
    datasetKey: z.string().min(1).default('digits.csv.gz'),
    hyperParameters: z
      .object({
        gamma: positive().default(0.001),
        C: positive().default(1),
        tol: positive().default(0.001),
      })
      .strict()
      .default({ gamma: 0.001, C: 1, tol: 0.001 }),
  })
  .strict();

export type TrainRequest = z.infer<typeof trainEventSchema>;

/** Validates a train event; an empty or missing event trains digits with the tutorial's parameters. */
export function parseTrainEvent(event: unknown): TrainRequest {
  const result = trainEventSchema.safeParse(event ?? {});
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues, 'Invalid ml-train event: ');
}
