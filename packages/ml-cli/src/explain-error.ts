import { AppError } from '@serverless-ml/errors';
import type { CliTarget } from './cli-target';

const codeOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string'
    ? value.code
    : undefined;

/**
 * True when nothing listens at the endpoint. Node may wrap ECONNREFUSED in a cause or an
 * AggregateError, and the SDK re-wraps an error from another realm (jest) as text in a message.
 */
function refused(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  if (codeOf(error) === 'ECONNREFUSED') return true;
  if ('message' in error && typeof error.message === 'string' && /\bECONNREFUSED\b/.test(error.message)) return true;
  const nested = [
    'cause' in error ? error.cause : undefined,
    ...('errors' in error && Array.isArray(error.errors) ? error.errors : []),
  ];
  return nested.some((e) => refused(e, depth + 1));
}

/** One line a person can act on, for any error the CLI can meet. */
export function explainError(error: unknown, target: CliTarget): string {
  // Before AppError: an S3UnavailableError (an AppError) wraps the refusal, and the hint says more.
  if (refused(error)) {
    return target.embedded
      ? `s3rver is not running at ${target.endpoint} — start it with pnpm start (or pass --endpoint, or --aws)`
      : `nothing answers at ${target.endpoint}: is the S3 endpoint right?`;
  }
  if (error instanceof AppError) return error.message;
  const name = error instanceof Error ? error.name : '';
  const where = target.endpoint ?? 'AWS';
  if (name === 'NoSuchBucket') {
    return `bucket ${target.bucket} does not exist at ${where}: check --bucket or --stage (pnpm start creates serverless-ml-dev-models)`;
  }
  if (name === 'CredentialsProviderError') return `no AWS credentials found for --aws: ${String(error)}`;
  if (name === 'AccessDenied' || name === 'InvalidAccessKeyId') {
    return `S3 at ${where} refused access to ${target.bucket} (${name}): check the credentials`;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
