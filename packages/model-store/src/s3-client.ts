import { S3Client } from '@aws-sdk/client-s3';

export interface S3Settings {
  region: string;
  /** Custom endpoint (embedded s3rver or LocalStack); path-style addressing is used with it. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One S3 client per container; safe against S3 emulators. */
export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.endpoint !== undefined,
    credentials: settings.credentials,
    // SDK v3 defaults to aws-chunked uploads with trailing checksums, which s3rver stores
    // verbatim (silently corrupt objects). Only send checksums when an operation needs them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
}
