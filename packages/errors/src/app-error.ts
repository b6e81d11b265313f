/** Base of every error the functions raise on purpose; `expose` says the message is safe to show. */
export class AppError extends Error {
  readonly statusCode: number;
  readonly expose: boolean;
  readonly details?: Record<string, unknown>;

  constructor(
    message: string,
    options: { statusCode: number; expose?: boolean; cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.statusCode = options.statusCode;
    this.expose = options.expose ?? options.statusCode < 500;
    this.details = options.details;
  }
}

/** 400: the request is malformed; the message names the field and the problem. */
export class ValidationError extends AppError {
  constructor(message: string, details?: Record<string, unknown>, cause?: unknown) {
    super(message, { statusCode: 400, details, cause });
    this.name = 'ValidationError';
  }
}

/** 404: the thing asked for does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, { statusCode: 404, cause });
    this.name = 'NotFoundError';
  }
}

/** 503: no trained model is available yet. */
export class ModelNotReadyError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, { statusCode: 503, expose: true, cause });
    this.name = 'ModelNotReadyError';
  }
}

/** 503: a service we depend on failed; the message says which. */
export class UpstreamError extends AppError {
  constructor(message: string, cause?: unknown) {
    super(message, { statusCode: 503, expose: true, cause });
    this.name = 'UpstreamError';
  }
}
