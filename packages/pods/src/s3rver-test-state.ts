// Test support for the s3rver tests: a seeded stack state, and snapshots to compare it by.

import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { fromBufferPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { hashStream } from './hashing-stream';
import { listObjects, openObject } from './s3-objects';

export const DATA = 'serverless-ml-dev-data';
export const MODELS = 'serverless-ml-dev-models';

export async function put(s3: S3Client, bucket: string, key: string, body: string | Buffer, contentType?: string) {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
}

export const pointer = (version: string, publishedAt: string) =>
  JSON.stringify({ model: 'digits', version, prefix: `models/digits/versions/${version}/`, publishedAt });

/** A small stack state: data, one model version with metrics, and one large random object. */
export async function seed(s3: S3Client) {
  await put(s3, DATA, 'digits.csv', 'a,b\n1,2\n', 'text/csv');
  await put(s3, DATA, 'big.bin', randomBytes(300_000), 'application/octet-stream');
  await put(s3, MODELS, 'models/digits/versions/v1/model.onnx', randomBytes(2000));
  await put(
    s3,
    MODELS,
    'models/digits/versions/v1/metadata.json',
    '{"metrics":{"accuracy":0.9689}}',
    'application/json',
  );
  await put(s3, MODELS, 'models/digits/latest.json', pointer('v1', '2026-01-01T00:00:00.000Z'), 'application/json');
  await put(s3, MODELS, 'config.json', '{"a":{"x":1,"y":1},"list":[1]}', 'application/json');
}

/** Rewrites a zip entry by entry (manifest.json before pod.json, as the writer orders them). */
export async function rewriteZip(zip: string, edit: (name: string, bytes: Buffer) => Buffer) {
  const reader = await fromBufferPromise(readFileSync(zip));
  const out = new ZipFile();
  for await (const entry of reader.eachEntry()) {
    out.addBuffer(edit(entry.fileName, await buffer(await reader.openReadStreamPromise(entry))), entry.fileName);
  }
  out.end();
  writeFileSync(zip, await buffer(out.outputStream));
}

/** Every object of both buckets: key → sha256, size and content type, read back from S3. */
export async function snapshot(s3: S3Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const bucket of [DATA, MODELS]) {
    for await (const o of listObjects(s3, bucket)) {
      const { body, contentType } = await openObject(s3, bucket, o.key);
      const { sha256, bytes } = await hashStream(body);
      out[`${bucket}/${o.key}`] = `${sha256} ${bytes} ${contentType}`;
    }
  }
  return out;
}

export async function text(s3: S3Client, bucket: string, key: string) {
  return Buffer.concat(await (await openObject(s3, bucket, key)).body.toArray()).toString('utf8');
}
