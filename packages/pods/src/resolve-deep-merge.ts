import type { S3Client } from '@aws-sdk/client-s3';
import { deepMergeJson, isModelPointer, newerPointer, tryParseJson } from './deep-merge-json';
import type { PlannedWrite } from './plan-load';
import type { PodObject } from './pod-format';
import type { PodReader } from './pod-io';
import { readSmall } from './s3-objects';
import { readVerified } from './verify-pod';

// Both documents of a deep merge are parsed whole; larger ones are written as the pod has them.
const MAX_MERGE_BYTES = 32 * 1024 * 1024;

/** A write after deep-merge: the pod's object, a merged document, or nothing (the bucket's is kept). */
export type ResolvedWrite =
  | { kind: 'add' | 'replace'; index: number; object: PodObject }
  | { kind: 'merged'; index: number; object: PodObject; body: Buffer }
  | { kind: 'kept'; index: number; object: PodObject; reason: string };

/** Resolves one JSON conflict: registry pointers keep the newer version, other documents merge recursively. */
async function resolveOne(s3: S3Client, reader: PodReader, write: PlannedWrite): Promise<ResolvedWrite> {
  const { index, object } = write;
  if (object.size > MAX_MERGE_BYTES) return { kind: 'replace', index, object };
  const currentBytes = await readSmall(s3, object.bucket, object.key);
  const current = currentBytes && currentBytes.length <= MAX_MERGE_BYTES ? tryParseJson(currentBytes) : undefined;
  const pod = tryParseJson(await readVerified(reader, index, object, MAX_MERGE_BYTES));
  if (current === undefined || pod === undefined) return { kind: 'replace', index, object };
  if (isModelPointer(object.key)) {
    return newerPointer(current, pod) === 'pod'
      ? { kind: 'replace', index, object }
      : { kind: 'kept', index, object, reason: 'the bucket has the newer model version' };
  }
  const body = Buffer.from(JSON.stringify(deepMergeJson(current, pod), null, 2));
  return currentBytes && body.equals(currentBytes)
    ? { kind: 'kept', index, object, reason: 'the merge changes nothing' }
    : { kind: 'merged', index, object, body };
}

/** Turns planned writes into final ones; only `deep-merge` entries read anything (both JSON documents). */
export async function resolveWrites(
  s3: S3Client,
  reader: PodReader,
  writes: readonly PlannedWrite[],
): Promise<ResolvedWrite[]> {
  const resolved: ResolvedWrite[] = [];
  for (const write of writes) {
    if (write.kind === 'deep-merge') resolved.push(await resolveOne(s3, reader, write));
    else resolved.push({ kind: write.kind, index: write.index, object: write.object });
  }
  return resolved;
}
