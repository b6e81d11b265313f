import { AppError } from '@serverless-ml/errors';

// Statuses the invocations endpoint needs that @serverless-ml/errors does not have yet (it has
// 400, 404 and 503). Candidates for that package: the shape and naming follow its classes.

/** 413: more rows, or a larger body, than one invocation takes; the message says the limit. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, { statusCode: 413, details });
    this.name = 'PayloadTooLargeError';
  }
}

/** 415: a request body in a format the endpoint does not read; the message lists the ones it does. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(message, { statusCode: 415 });
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** 406: an Accept header that allows none of the formats the endpoint answers in. */
export class NotAcceptableError extends AppError {
  constructor(message: string) {
    super(message, { statusCode: 406 });
    this.name = 'NotAcceptableError';
  }
}
