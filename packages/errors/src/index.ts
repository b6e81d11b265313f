export {
  AppError,
  ModelNotReadyError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from './app-error';
export { errorResponder, isHttpEvent } from './error-responder';
export { formatIssuePath, validationErrorFrom } from './validation-from-zod';
