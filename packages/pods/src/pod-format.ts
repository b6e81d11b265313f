import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The format id written into every pod; a loader refuses any other. */
export const POD_FORMAT = 'serverless-ml-pod/1';
/** The small descriptor that names a pod and pins its manifest's sha256; written last. */
export const DESCRIPTOR_FILE = 'pod.json';
export const MANIFEST_FILE = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex sha256');
const size = z.number().int().nonnegative();
/** Pod names become S3 key segments and file names: keep them plain. */
export const podName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'pod names are letters, digits, ".", "_" and "-" (at most 63)');

const podObject = z.object({
  bucket: z.string().min(3),
  key: z.string().min(1),
  size,
  sha256,
  // The MD5 lets a load skip objects whose S3 ETag already matches (single-part PutObject ETags are MD5s).
  md5: z.string().regex(/^[0-9a-f]{32}$/),
  contentType: z.string().optional(),
  contentEncoding: z.string().optional(),
});

const header = {
  format: z.literal(POD_FORMAT),
  name: podName,
  version: z.string().min(1),
  message: z.string(),
  createdAt: z.string(),
  stage: z.string(),
  commit: z.string().optional(),
};

/** Every object of the pod, in entry order: object `i` is stored as `objects/<i>`. */
export const manifestSchema = z.object({ ...header, buckets: z.array(z.string()), objects: z.array(podObject) });
export const descriptorSchema = z.object({ ...header, objects: size, bytes: size, manifestSha256: sha256 });

export type PodObject = z.infer<typeof podObject>;
export type PodManifest = z.infer<typeof manifestSchema>;
export type PodDescriptor = z.infer<typeof descriptorSchema>;

/** Where object `index` is stored inside a pod (zip entry or key under the version's prefix). */
export function objectEntry(index: number): string {
  return `objects/${String(index).padStart(6, '0')}`;
}

/** Why a pod was refused: it is not a pod, or it is not the pod it says it is. Nothing was changed. */
export class PodIntegrityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PodIntegrityError';
  }
}

function parseJson<T>(bytes: Buffer, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new PodIntegrityError(`${what} is not JSON: this is not a pod, or it is damaged`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PodIntegrityError(`${what} is not a ${POD_FORMAT} file (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}

/** Parses `pod.json`; refuses foreign or damaged files. */
export function parseDescriptor(bytes: Buffer): PodDescriptor {
  return parseJson(bytes, descriptorSchema, DESCRIPTOR_FILE);
}

/** Checks the manifest's bytes against the descriptor's sha256, then parses and cross-checks it. */
export function parseManifest(bytes: Buffer, descriptor: PodDescriptor): PodManifest {
  const actual = sha256Hex(bytes);
  if (actual !== descriptor.manifestSha256) {
    throw new PodIntegrityError(
      `${MANIFEST_FILE} has sha256 ${actual}, but ${DESCRIPTOR_FILE} records ${descriptor.manifestSha256}: the pod was edited or damaged`,
    );
  }
  const manifest = parseJson(bytes, manifestSchema, MANIFEST_FILE);
  const bytesTotal = manifest.objects.reduce((sum, o) => sum + o.size, 0);
  if (
    manifest.name !== descriptor.name ||
    manifest.version !== descriptor.version ||
    manifest.objects.length !== descriptor.objects ||
    bytesTotal !== descriptor.bytes
  ) {
    throw new PodIntegrityError(`${MANIFEST_FILE} does not describe the pod ${descriptor.name}:${descriptor.version}`);
  }
  return manifest;
}

/** Hex sha256 of some bytes. */
export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
