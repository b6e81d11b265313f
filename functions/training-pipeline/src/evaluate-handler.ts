import middy from '@middy/core';
import { AppError, errorResponder, handlerOptions, UpstreamError } from '@serverless-ml/errors';
import { ModelContractError } from '@serverless-ml/model-store';
import { compareVersions } from './compare-versions';
import { modelStore } from './model-bucket';
import { parseEvaluateInput } from './schema';

async function evaluate(event: unknown) {
  const { model, candidate } = parseEvaluateInput(event);
  return compareVersions(modelStore(), model, candidate).catch((error: unknown) => {
    if (error instanceof AppError || error instanceof ModelContractError) throw error;
    throw new UpstreamError(`could not read ${model}'s versions from S3`, error);
  });
}

/** Evaluate step: the candidate version against the promoted one, on the model's primary metric. */
export const handler = middy(evaluate, handlerOptions).use(errorResponder());
