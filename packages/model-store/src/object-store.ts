import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

function isMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || status === 404;
}

/** What a listing found: object keys and, with a delimiter, the "folders" one level down. */
export interface ObjectListing {
  keys: string[];
  /** Common prefixes, e.g. `models/digits/` under `models/` with delimiter `/`. */
  prefixes: string[];
}

/** Thin typed access to one bucket: whole-object reads and writes, and listings. */
export class ObjectStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /** Reads an object whole; `undefined` when it does not exist. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Reads and parses a JSON object; `undefined` when it does not exist. */
  async getJson<T>(key: string): Promise<T | undefined> {
    const bytes = await this.get(key);
    return bytes === undefined ? undefined : (JSON.parse(Buffer.from(bytes).toString('utf8')) as T);
  }

  /** Writes an object whole. */
  async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  /** Every key under a prefix (all pages; S3 returns at most 1000 a page), sorted as S3 sorts them. */
  async list(prefix: string, delimiter?: string): Promise<ObjectListing> {
    const listing: ObjectListing = { keys: [], prefixes: [] };
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          Delimiter: delimiter,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) if (object.Key) listing.keys.push(object.Key);
      for (const common of page.CommonPrefixes ?? []) if (common.Prefix) listing.prefixes.push(common.Prefix);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return listing;
  }
}
