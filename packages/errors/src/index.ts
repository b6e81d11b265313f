export {
  AppError,
  ModelNotReadyError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from './app-error';
export { errorResponder } from './error-responder';
export { handlerOptions, isFunctionTimeout } from './function-timeout';
export { type HttpApiEvent, type HttpResponse, isHttpEvent, isRecord, jsonResponse } from './http-event';
export { formatIssuePath, validationErrorFrom } from './validation-from-zod';
