import middy from '@middy/core';
import { errorResponder, handlerOptions } from '@serverless-ml/errors';
import { ModelRegistry } from '@serverless-ml/model-store';
import { modelStore } from './model-bucket';
import { parsePromoteInput } from './schema';

// ModelRegistry.promote is promoteVersion (the package's index exports it only through the registry).
/** Promote step: verifies the version (metadata, every artifact's sha256) and moves `latest` in one write. */
export const handler = middy(async (event: unknown) => {
  const { model, version } = parsePromoteInput(event);
  const { from, to, changed } = await new ModelRegistry(modelStore()).promote(model, version);
  return { promoted: true, model, from: from ?? null, to, changed };
}, handlerOptions).use(errorResponder());
