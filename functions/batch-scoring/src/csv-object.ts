import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';

/** Byte-range access to the CSV objects of one bucket. */
export interface CsvObjects {
  bucket: string;
  /** The object's size in bytes; a NotFoundError naming it when it does not exist. */
  size(key: string): Promise<number>;
  /** Bytes `[from, to)` of the object (S3 GetObject with a Range). */
  read(key: string, from: number, to: number): Promise<Uint8Array>;
}

const missing = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'NotFound' ||
    error.name === 'NoSuchKey' ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404);

/** CsvObjects on S3 (AWS, the emulator or the embedded stack's s3rver). */
export function s3CsvObjects(s3: S3Client, bucket: string): CsvObjects {
  const notFound = (key: string, cause: unknown) =>
    new NotFoundError(`no object s3://${bucket}/${key}: upload the CSV to the data bucket first`, cause);
  return {
    bucket,
    async size(key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        throw missing(error) ? notFound(key, error) : error;
      }
    },
    async read(key, from, to) {
      if (to <= from) return new Uint8Array();
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${from}-${to - 1}` }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        throw missing(error) ? notFound(key, error) : error;
      }
    },
  };
}

/**
 * The key in the data bucket that `input` names: `s3://<data bucket>/<key>` or the key itself.
 * Another bucket is refused: the functions may read the data bucket only (least privilege).
 */
export function inputKey(input: string, dataBucket: string): string {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(input);
  if (!match) {
    if (input.startsWith('s3://')) throw new ValidationError(`input must be s3://<bucket>/<key>, got "${input}"`);
    return input.replace(/^\/+/, '');
  }
  if (match[1] !== dataBucket) {
    throw new ValidationError(
      `input must be in the data bucket (s3://${dataBucket}/…), got s3://${match[1]}/…: copy the CSV there`,
    );
  }
  return match[2];
}
