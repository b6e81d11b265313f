import '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { VERSION_ID_PATTERN } from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';

export const PIXELS = 64;
export const MAX_PIXEL = 16;

const inRange = { error: `must be between 0 and ${MAX_PIXEL}` };
const pixel = z
  .number({
    error: (issue) =>
      issue.input === null
        ? 'must be a number, got null'
        : // JSON.parse turns -1e309 into -Infinity: a number, just not a finite one.
          typeof issue.input === 'number'
          ? `must be a finite number, got ${issue.input}`
          : `must be a number, got ${typeof issue.input}`,
  })
  .check(z.gte(0, inRange), z.lte(MAX_PIXEL, inRange));

const image = z.array(pixel, { error: 'must be an array of 64 numbers' }).check(
  z.length(PIXELS, {
    error: (issue) =>
      `must have ${PIXELS} values (8×8 pixels, 0..${MAX_PIXEL}), got ${(issue.input as unknown[]).length}`,
  }),
);

const version = z.optional(
  z
    .string({ error: 'must be a model version id (a string)' })
    .check(z.regex(VERSION_ID_PATTERN, { error: 'must be a model version id like 2026-01-01T00-00-00-000Z-a1b2c3' })),
);

/** The body of `POST /digits/predict`: 1..maxImages images and an optional pinned version. */
export function imagesSchema(maxImages: number) {
  return z.strictObject({
    version,
    images: z
      .array(image, {
        error: (issue) =>
          issue.input === undefined
            ? 'is required: send {"images": [[64 numbers 0..16], ...]}'
            : 'must be an array of images',
      })
      .check(
        z.minLength(1, { error: 'must hold at least one image' }),
        z.maxLength(maxImages, { error: `may hold at most ${maxImages} images per request` }),
      ),
  });
}

/** `version` pins an exact model version; without it the promoted (latest) one answers. */
export type PredictRequest =
  | { kind: 'test-set'; version?: string }
  | { kind: 'images'; images: number[][]; version?: string };

const pinned = (v: string | undefined) => (v === undefined ? {} : { version: v });

/**
 * An empty event (or only `{"version": …}`) predicts the stored test set; `{"images": [...]}` predicts
 * the given 8×8 images. Either may name the model `version` to use.
 */
export function parsePredictRequest(body: unknown, maxImages: number): PredictRequest {
  if (body === undefined || body === null || body === '') return { kind: 'test-set' };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('request must be a JSON object like {"images": [[64 numbers 0..16], ...]}');
  }
  const keys = Object.keys(body);
  if (keys.every((key) => key === 'version')) {
    const result = z.object({ version }).safeParse(body);
    if (result.success) return { kind: 'test-set', ...pinned(result.data.version) };
    throw validationErrorFrom(result.error.issues);
  }
  const result = imagesSchema(maxImages).safeParse(body);
  if (result.success) return { kind: 'images', images: result.data.images, ...pinned(result.data.version) };
  throw validationErrorFrom(result.error.issues);
}

/** What `POST /digits/predict` answers: the version that predicted and one prediction per image. */
export const imagesResultSchema = z.object({
  modelVersion: z.string(),
  classes: z.array(z.number()),
  predictions: z.array(
    z.object({
      label: z.number(),
      scores: z
        .array(z.number())
        .check(z.meta({ description: "one-vs-one votes per class (the classifier's decision rule: most votes wins)" })),
    }),
  ),
});
