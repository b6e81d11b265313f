import '@serverless-ml/config';
import { ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import * as z from 'zod/mini';

export const PIXELS = 64;
export const MAX_PIXEL = 16;

const inRange = { error: `must be between 0 and ${MAX_PIXEL}` };
const pixel = z
  .number({
    error: (issue) =>
      issue.input === null ? 'must be a number, got null' : `must be a number, got ${typeof issue.input}`,
  })
  .check(z.gte(0, inRange), z.lte(MAX_PIXEL, inRange));

const image = z.array(pixel, { error: 'must be an array of 64 numbers' }).check(
  z.length(PIXELS, {
    error: (issue) =>
      `must have ${PIXELS} values (8×8 pixels, 0..${MAX_PIXEL}), got ${(issue.input as unknown[]).length}`,
  }),
);

function imagesSchema(maxImages: number) {
  return z.strictObject({
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

export type PredictRequest = { kind: 'test-set' } | { kind: 'images'; images: number[][] };

/** An empty event predicts the stored test set; `{"images": [...]}` predicts the given 8×8 images. */
export function parsePredictRequest(body: unknown, maxImages: number): PredictRequest {
  if (
    body === undefined ||
    body === null ||
    body === '' ||
    (typeof body === 'object' && Object.keys(body).length === 0)
  ) {
    return { kind: 'test-set' };
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('request must be a JSON object like {"images": [[64 numbers 0..16], ...]}');
  }
  const result = imagesSchema(maxImages).safeParse(body);
  if (result.success) return { kind: 'images', images: result.data.images };
  throw validationErrorFrom(result.error.issues);
}

/** Parses an HTTP body as JSON whatever its content-type (curl -d sends form encoding by default). */
export function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new ValidationError('request body is not valid JSON');
  }
}
