import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import { imagesResultSchema, imagesSchema } from './schema';

/** A zero drawn as 8×8 pixels (0..16), the README's example. */
const ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];

/** `POST /digits/predict` as the API describes it; `maxImages` is the deployment's MAX_IMAGES. */
export function digitsRoutes(settings: { maxImages: number }): RouteDescriptor[] {
  return [
    {
      method: 'POST',
      path: '/digits/predict',
      function: 'ml-predict',
      operationId: 'predictDigits',
      summary: 'Classify handwritten digits (8×8 images, pixels 0..16)',
      description:
        'Predicts each image with the promoted digits model, or the version pinned in the body. ' +
        'The body is read as JSON whatever its Content-Type; query parameters are refused.',
      tags: ['digits'],
      body: {
        required: true,
        content: { 'application/json': { schema: imagesSchema(settings.maxImages), example: { images: [ZERO] } } },
      },
      responses: {
        200: {
          description: 'one prediction per image, in order',
          content: { 'application/json': { schema: imagesResultSchema } },
        },
        ...errorResponses([400, 404, 409, 413, 503, 504], {
          404: 'NotFoundError: no such digits version',
          413: 'the body is over 10 MB (API Gateway)',
        }),
      },
    },
  ];
}
