export {
  AppError,
  ModelNotReadyError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from './app-error';
export { errorResponder, isHttpEvent } from './error-responder';
export { handlerOptions, isFunctionTimeout } from './function-timeout';
export { formatIssuePath, validationErrorFrom } from './validation-from-zod';
