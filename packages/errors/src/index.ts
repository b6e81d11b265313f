export {
  AppError,
  ValidationError,
  NotFoundError,
  ModelNotReadyError,
  UpstreamError,
} from './app-error';
export { errorResponder, isHttpEvent } from './error-responder';
