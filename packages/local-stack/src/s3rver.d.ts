// s3rver ships no types; this covers the part we use.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Its file store: tests make one call fail there to see the answer a client gets. */
    readonly store: { getObject(bucket: string, key: string, options?: unknown): Promise<unknown> };
  }
  export = S3rver;
}
