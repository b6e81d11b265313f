import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { DESCRIPTOR_FILE, MANIFEST_FILE, objectEntry } from './pod-format';
import type { PodReader, PodWriter } from './pod-io';
import { deleteKeys, listObjects, openObject, putObject, readSmall } from './s3-objects';

/** `pods/<name>/versions/<version>/`: one self-contained pod, laid out like the zip. */
export function versionPrefix(name: string, version: string): string {
  return `pods/${name}/versions/${version}/`;
}

/**
 * `index/<name>/<version>.json`: a copy of the version's pod.json, written last. Listings read
 * this flat index instead of `/`-delimited folders, which s3rver lists incompletely.
 */
export function indexKey(name: string, version?: string): string {
  return version === undefined ? `index/${name}/` : `index/${name}/${version}.json`;
}

const MAX_MANIFEST_BYTES = 1 << 30;

/** A pod version stored in the pods bucket. */
export class BucketPodReader implements PodReader {
  readonly location: string;
  private readonly prefix: string;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    name: string,
    version: string,
  ) {
    this.prefix = versionPrefix(name, version);
    this.location = `s3://${bucket}/${this.prefix}`;
  }

  async readDescriptor(): Promise<Buffer> {
    return this.readRequired(DESCRIPTOR_FILE);
  }

  async readManifest(): Promise<Buffer> {
    const bytes = await this.readRequired(MANIFEST_FILE);
    if (bytes.length > MAX_MANIFEST_BYTES) throw new Error(`${this.location}${MANIFEST_FILE} is too large`);
    return bytes;
  }

  async openObject(index: number): Promise<{ body: Readable; size: number }> {
    return openObject(this.s3, this.bucket, this.prefix + objectEntry(index));
  }

  async close(): Promise<void> {}

  private async readRequired(file: string): Promise<Buffer> {
    const bytes = await readSmall(this.s3, this.bucket, this.prefix + file);
    if (!bytes) throw new Error(`${this.location}${file} does not exist: the version is missing or incomplete`);
    return bytes;
  }
}

/** Writes a new pod version into the pods bucket; `pod.json` goes last, so listings never show a partial pod. */
export class BucketPodWriter implements PodWriter {
  readonly location: string;
  readonly concurrency = 4;
  private readonly prefix: string;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly name: string,
    private readonly version: string,
  ) {
    this.prefix = versionPrefix(name, version);
    this.location = `s3://${bucket}/${this.prefix}`;
  }

  async writeObject(index: number, body: Readable | Buffer, size: number): Promise<void> {
    await putObject(this.s3, { bucket: this.bucket, key: this.prefix + objectEntry(index), size }, body, {
      contentType: 'application/octet-stream',
    });
  }

  async finish(manifest: Buffer, descriptor: Buffer): Promise<void> {
    const put = (file: string, body: Buffer) =>
      putObject(this.s3, { bucket: this.bucket, key: this.prefix + file, size: body.length }, body, {
        contentType: 'application/json',
      });
    await put(MANIFEST_FILE, manifest);
    await put(DESCRIPTOR_FILE, descriptor);
    await putObject(
      this.s3,
      { bucket: this.bucket, key: indexKey(this.name, this.version), size: descriptor.length },
      descriptor,
      {
        contentType: 'application/json',
      },
    );
  }

  async abort(): Promise<void> {
    const keys: string[] = [];
    for await (const o of listObjects(this.s3, this.bucket, this.prefix)) keys.push(o.key);
    await deleteKeys(this.s3, this.bucket, keys);
  }
}
