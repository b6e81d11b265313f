import { ValidationError } from '@serverless-ml/errors';
import { z } from 'zod';

const positive = (name: string) =>
  z
    .number({ error: `${name} must be a number` })
    .finite()
    .positive({ error: `${name} must be greater than 0` });

/** What `sls invoke -f ml-train -d '…'` may send; every field is optional. */
export const trainEventSchema = z
  .object({
    model: z.enum(['digits'], { error: 'model must be "digits"' }).default('digits'),
    datasetKey: z.string().min(1).default('digits.csv.gz'),
    hyperParameters: z
      .object({
        gamma: positive('gamma').default(0.001),
        C: positive('C').default(1),
        tol: positive('tol').default(0.001),
      })
      .strict()
      .default({ gamma: 0.001, C: 1, tol: 0.001 }),
  })
  .strict();

export type TrainRequest = z.infer<typeof trainEventSchema>;

/** Formats a zod path as users write it: `hyperParameters.gamma`, `images[3]`. */
export function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Validates a train event; an empty or missing event trains digits with the tutorial's parameters. */
export function parseTrainEvent(event: unknown): TrainRequest {
  const result = trainEventSchema.safeParse(event ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = formatPath(issue.path);
  throw new ValidationError(`Invalid ml-train event: ${where ? `${where}: ` : ''}${issue.message}`, {
    issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  });
}
