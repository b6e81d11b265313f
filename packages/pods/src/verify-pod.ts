import { hashStream } from './hashing-stream';
import {
  type PodDescriptor,
  PodIntegrityError,
  type PodManifest,
  type PodObject,
  parseDescriptor,
  parseManifest,
  sha256Hex,
} from './pod-format';
import { forEachLimit, type PodReader, readLimited, SMALL_OBJECT_CONCURRENCY } from './pod-io';
import { type Progress, silentProgress } from './progress';

/** A pod whose descriptor and manifest were read and cross-checked. */
export interface OpenedPod {
  descriptor: PodDescriptor;
  manifest: PodManifest;
}

/** Reads `pod.json` and `manifest.json` and checks the manifest against the sha256 the descriptor records. */
export async function openPod(reader: PodReader): Promise<OpenedPod> {
  const descriptor = parseDescriptor(await reader.readDescriptor());
  const manifest = parseManifest(await reader.readManifest(), descriptor);
  return { descriptor, manifest };
}

/** Streams object `index` and checks its size and sha256 against the manifest; keeps nothing. */
export async function verifyObject(reader: PodReader, manifest: PodManifest, index: number, progress: Progress) {
  const expected = manifest.objects[index];
  const where = `${reader.location} object ${index} (s3://${expected.bucket}/${expected.key})`;
  let actual: { sha256: string; bytes: number };
  try {
    const { body, size } = await reader.openObject(index);
    if (size !== undefined && size !== expected.size)
      throw new PodIntegrityError(`${where} holds ${size} bytes, the manifest says ${expected.size}`);
    actual = await hashStream(body, (n) => progress.bytes(n));
  } catch (error) {
    if (error instanceof PodIntegrityError) throw error;
    throw new PodIntegrityError(`${where} cannot be read (${String(error)})`, { cause: error });
  }
  if (actual.bytes !== expected.size || actual.sha256 !== expected.sha256) {
    throw new PodIntegrityError(
      `${where} has sha256 ${actual.sha256} (${actual.bytes} bytes), the manifest says ${expected.sha256} (${expected.size} bytes)`,
    );
  }
  progress.object();
}

/** Checks every object's checksum before anything is changed: one bad byte refuses the whole pod. */
export async function verifyPod(reader: PodReader, manifest: PodManifest, progress: Progress = silentProgress) {
  await forEachLimit(manifest.objects, SMALL_OBJECT_CONCURRENCY, (_, index) =>
    verifyObject(reader, manifest, index, progress),
  );
  progress.done();
}

/** Reads one small object of a pod whole and checks its sha256 (for JSON the CLI or a merge opens). */
export async function readVerified(
  reader: PodReader,
  index: number,
  object: PodObject,
  limit: number,
): Promise<Buffer> {
  const { body } = await reader.openObject(index);
  const bytes = await readLimited(body, limit, object.key);
  if (sha256Hex(bytes) !== object.sha256) throw new PodIntegrityError(`${object.key} does not match its sha256`);
  return bytes;
}
