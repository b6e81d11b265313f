import { S3Client } from '@aws-sdk/client-s3';
import { UpstreamError } from '@serverless-ml/errors';

export interface S3Settings {
  region: string;
  /** Custom endpoint (embedded s3rver or LocalStack); path-style addressing is used with it. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** How long to wait for a TCP connection (default 1 s). */
  connectionTimeoutMs?: number;
  /** How long a request may go without sending or receiving a byte (default 2 s). */
  idleTimeoutMs?: number;
}

/** 503: S3 did not answer (refused, timed out, or failed with a 5xx); the message says which call. */
export class S3UnavailableError extends UpstreamError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'S3UnavailableError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Why a failed S3 call never got a usable answer, or undefined when S3 answered (404, 412, …). */
export function unavailableReason(error: unknown): string | undefined {
  // By shape, not instanceof. The SDK's retry step rewraps an error from another realm (Node's
  // socket errors under jest) as "AWS SDK error wrapper for Error: connect ECONNREFUSED …",
  // keeping only the message: the code is read from it then.
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, message, $metadata, cause } = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    cause?: unknown;
  };
  if (name === 'TimeoutError') return 'did not answer in time';
  const networkCode = code ?? /\b(E[A-Z]+)\b/.exec(message ?? '')?.[1];
  if (networkCode && NETWORK_CODES.has(networkCode)) return `could not be reached (${networkCode})`;
  const status = $metadata?.httpStatusCode;
  if (status !== undefined && status >= 500 && status !== 501) return `failed (HTTP ${status} ${name})`;
  return cause === undefined || cause === error ? undefined : unavailableReason(cause);
}

/**
 * One S3 client per container; safe against S3 emulators. A call that gets no answer fails
 * within ~2 × (connection or idle timeout), ≈ 4 s, as an S3UnavailableError (503): a serving
 * request makes at most two S3 calls, so it still answers inside the functions' 10 s timeouts.
 * Without timeouts a frozen S3 held every request until the Lambda timeout.
 */
export function createS3Client(settings: S3Settings): S3Client {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.endpoint !== undefined,
    credentials: settings.credentials,
    // SDK v3 defaults to aws-chunked uploads with trailing checksums, which s3rver stores
    // verbatim (silently corrupt objects). Only send checksums when an operation needs them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // An idle timeout, not a total one: a large upload that keeps sending is never cut.
    requestHandler: {
      connectionTimeout: settings.connectionTimeoutMs ?? 1000,
      socketTimeout: settings.idleTimeoutMs ?? 2000,
    },
    maxAttempts: 2,
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const reason = unavailableReason(error);
        if (reason === undefined) throw error;
        const input = args.input as { Bucket?: string; Key?: string; Prefix?: string };
        const target = `s3://${input.Bucket ?? ''}/${input.Key ?? input.Prefix ?? ''}`;
        const operation = context.commandName?.replace(/Command$/, '') ?? 'request';
        throw new S3UnavailableError(`S3 ${reason}: ${operation} ${target}`, error);
      }
    },
    { step: 'initialize', name: 's3UnavailableError' },
  );
  return client;
}
