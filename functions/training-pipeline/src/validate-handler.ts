import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { parseTrainingRequest } from './schema';

/** Validate step: the training request → `{model, promote, trainEvent}`, or a ValidationError naming the field. */
export const handler = middy(async (event: unknown) => parseTrainingRequest(event), handlerOptions).use(
  errorResponder(),
);
