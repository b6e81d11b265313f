import type { S3Client } from '@aws-sdk/client-s3';
import { newVersionId } from '@serverless-ml/model-store';
import { BucketPodWriter } from './bucket-pods';
import { gitCommit } from './git-commit';
import { type LoadOptions, type LoadReport, loadPod } from './load-pod';
import type { PodDescriptor } from './pod-format';
import type { PodReader, PodWriter } from './pod-io';
import type { PodRef } from './pod-ref';
import { podRefName } from './pod-ref';
import type { PodSettings } from './pod-settings';
import { openPodReader } from './pod-store';
import type { Progress, ProgressTotal } from './progress';
import { ensureBucket } from './s3-objects';
import { savePod } from './save-pod';
import { ZipPodWriter } from './zip-pods';

/** Saves the settings' buckets as a new version in the pods bucket, or as a zip for `file://`. */
export async function savePodTo(
  s3: S3Client,
  settings: PodSettings,
  ref: PodRef,
  options: { message?: string; commit?: string; progress?: (total: ProgressTotal) => Progress },
): Promise<{ descriptor: PodDescriptor; location: string }> {
  if (ref.kind === 'bucket' && ref.version) throw new Error('pod save makes a new version: give the name alone');
  const version = newVersionId();
  let writer: PodWriter;
  if (ref.kind === 'file') writer = new ZipPodWriter(ref.path);
  else {
    await ensureBucket(s3, settings.podsBucket);
    writer = new BucketPodWriter(s3, settings.podsBucket, ref.name, version);
  }
  const descriptor = await savePod(s3, writer, {
    name: podRefName(ref),
    version,
    buckets: settings.buckets.filter((b) => b !== settings.podsBucket),
    message: options.message,
    stage: settings.stage,
    commit: options.commit ?? gitCommit(),
    progress: options.progress,
  });
  return { descriptor, location: writer.location };
}

/** Runs `use` on an opened pod and closes it afterwards. */
export async function withPod<T>(
  s3: S3Client,
  settings: PodSettings,
  ref: PodRef,
  use: (reader: PodReader) => Promise<T>,
): Promise<T> {
  const reader = await openPodReader(s3, settings.podsBucket, ref);
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

/** Loads a pod (by name, name:version or file://) into the settings' stage. */
export async function loadPodFrom(
  s3: S3Client,
  settings: PodSettings,
  ref: PodRef,
  options: LoadOptions = {},
): Promise<LoadReport> {
  return withPod(s3, settings, ref, (reader) => loadPod(s3, reader, { stage: settings.stage, ...options }));
}
