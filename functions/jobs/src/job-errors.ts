import { AppError } from '@serverless-ml/errors';

/** 409: the job cannot do that in its state (stopping a job that has ended). */
export class JobConflictError extends AppError {
  constructor(message: string) {
    super(message, { statusCode: 409 });
    this.name = 'JobConflictError';
  }
}
