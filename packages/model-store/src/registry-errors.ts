import { AppError, NotFoundError } from '@serverless-ml/errors';

/** 409: a version's model.onnx is not the file its metadata or the pointer history recorded. */
export class ModelIntegrityError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, { statusCode: 409, cause });
    this.name = 'ModelIntegrityError';
  }
}

/** 409: the registry cannot do what was asked in its current state (e.g. a rollback with no history). */
export class RegistryConflictError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, { statusCode: 409, cause });
    this.name = 'RegistryConflictError';
  }
}

/** 404 for a model that has neither a pointer nor a version, listing the ones that exist. */
export function unknownModel(name: string, known: string[]): NotFoundError {
  const hint = known.length ? `models: ${known.join(', ')}` : 'no model has been trained yet: run ml-train first';
  return new NotFoundError(`no model named "${name}" (${hint})`);
}

/** 404 for a version that is not in the bucket. */
export function unknownVersion(name: string, version: string): NotFoundError {
  return new NotFoundError(`no version "${version}" of model ${name}: list them with \`pnpm ml models show ${name}\``);
}
