import { randomBytes } from 'node:crypto';
import { ModelContractError, type ModelMetadata, parseModelMetadata, parseModelPointer } from './model-contract';
import { checkModelName, checkVersionId } from './model-names';
import { type ModelPointer, promotedPointer, versionPrefix } from './model-pointer';
import { type ObjectStore, type WriteCondition, WriteConflictError } from './object-store';
import { RegistryConflictError } from './registry-errors';
import { sha256Hex } from './version-integrity';

export type { ModelPointer } from './model-pointer';

export interface ModelArtifact {
  /** File name inside the version folder, e.g. `model.onnx`. */
  name: string;
  body: Uint8Array | string;
  contentType: string;
}

export interface PublishedModel {
  version: string;
  /** The pointer after the publish; `undefined` when the version was stored without promoting it. */
  pointer?: ModelPointer;
  keys: string[];
  /** The metadata.json as written: the trainer's draft plus the version, artifacts and checksums. */
  metadata: ModelMetadata;
}

/**
 * The metadata.json a publish writes: the trainer's draft (an artifact named `metadata.json`)
 * completed with the version, every other artifact's size and sha256, and checked against the
 * contract — before anything is written, so a trainer bug never leaves a version behind.
 */
function completeMetadata(
  model: string,
  version: string,
  artifacts: ModelArtifact[],
  draft: ModelArtifact,
  now: Date,
): ModelMetadata {
  const key = `${versionPrefix(model, version)}metadata.json`;
  let parsed: Record<string, unknown>;
  try {
    parsed = typeof draft.body === 'string' ? JSON.parse(draft.body) : JSON.parse(Buffer.from(draft.body).toString());
  } catch (error) {
    throw new ModelContractError(key, `the trainer's draft is not JSON (${(error as Error).message})`);
  }
  const records = artifacts.map((a) => ({
    name: a.name,
    sha256: sha256Hex(a.body),
    size: typeof a.body === 'string' ? Buffer.byteLength(a.body) : a.body.length,
    contentType: a.contentType,
  }));
  const onnx = records.find((r) => r.name === 'model.onnx');
  const extraOnnx = typeof parsed.onnx === 'object' && parsed.onnx !== null ? parsed.onnx : {};
  const full = {
    ...parsed,
    model,
    version,
    onnx: { ...extraOnnx, sha256: onnx?.sha256 },
    artifacts: records,
    trainedAt: typeof parsed.trainedAt === 'string' ? parsed.trainedAt : now.toISOString(),
  };
  return parseModelMetadata(JSON.stringify(full), key);
}

/** How often a pointer update is re-read and retried when another writer changed it meanwhile. */
const POINTER_WRITE_ATTEMPTS = 3;

/** Version ids sort by time (UTC, millisecond) and stay unique across concurrent trainers. */
export function newVersionId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Versioned models in S3: `models/<name>/versions/<version>/<file>` plus a pointer
 * `models/<name>/latest.json` naming the promoted version (and the ones promoted before it).
 */
export class ModelStore {
  constructor(private readonly objects: ObjectStore) {}

  pointerKey(model: string): string {
    return `models/${model}/latest.json`;
  }

  /**
   * Publishes a version: writes every artifact, then its metadata.json (the trainer's draft,
   * passed as the `metadata.json` artifact, completed with every artifact's size and sha256),
   * then flips the pointer. A version exists only once its metadata is there, so a publish cut
   * short leaves an incomplete version that listings mark and promotion refuses, never a pointer
   * to it. `promote: false` stores the version without touching the pointer (to look at it, or to
   * let a pipeline decide), to be promoted later with `pnpm ml models promote`.
   */
  async publish(
    model: string,
    artifacts: ModelArtifact[],
    now: Date = new Date(),
    options: { promote?: boolean } = {},
  ): Promise<PublishedModel> {
    const onnx = artifacts.find((a) => a.name === 'model.onnx');
    if (!onnx) throw new Error('a published model needs a model.onnx artifact');
    const draft = artifacts.find((a) => a.name === 'metadata.json');
    if (!draft) throw new Error('a published model needs a metadata.json artifact (the draft publish completes)');
    const files = artifacts.filter((a) => a !== draft);
    const version = newVersionId(now);
    const prefix = versionPrefix(checkModelName(model), version);
    const metadata = completeMetadata(model, version, files, draft, now);
    // Sequential on purpose: metadata.json, then the pointer, only once every artifact is stored.
    for (const artifact of files) {
      await this.objects.put(prefix + artifact.name, artifact.body, artifact.contentType);
    }
    await this.objects.put(`${prefix}metadata.json`, JSON.stringify(metadata, null, 2), 'application/json');
    const keys = [...files, draft].map((a) => prefix + a.name);
    if (options.promote === false) return { version, keys, metadata };
    const modelSha256 = metadata.onnx.sha256;
    // The old pointer goes into the new one's history (for rollback); a trainer that published
    // meanwhile is re-read, so its version stays in the history instead of being overwritten.
    const { pointer } = await this.updatePointer(model, (previous) =>
      promotedPointer(model, { version, modelSha256 }, previous, now),
    ).catch((error: unknown) => {
      throw new Error(
        `${model}@${version} is stored but the pointer could not be updated, so it was not promoted: ` +
          `promote it with \`pnpm ml models promote ${model}@${version}\``,
        { cause: error },
      );
    });
    return { version, pointer, keys, metadata };
  }

  /** The current pointer; `undefined` before the first publish. */
  async latest(model: string): Promise<ModelPointer | undefined> {
    return (await this.taggedPointer(model))?.value;
  }

  /** The pointer with its ETag, checked against the contract (ModelContractError naming the key). */
  private async taggedPointer(model: string): Promise<{ value: ModelPointer; etag?: string } | undefined> {
    const key = this.pointerKey(model);
    const read = await this.objects.getTagged(key);
    return read && { value: parseModelPointer(read.bytes, key), etag: read.etag };
  }

  /**
   * Replaces the pointer with `next(current)` in one conditional write: only if nobody changed it
   * since it was read (S3 If-Match / If-None-Match), else it is read again, up to `attempts` times.
   * The only write promote, rollback and publish make. Returns the pointer it replaced and the new one.
   */
  async updatePointer(
    model: string,
    next: (current: ModelPointer | undefined) => ModelPointer,
    attempts = POINTER_WRITE_ATTEMPTS,
  ): Promise<{ previous?: ModelPointer; pointer: ModelPointer }> {
    const key = this.pointerKey(model);
    for (let attempt = 1; ; attempt++) {
      const read = await this.taggedPointer(model);
      const condition: WriteCondition | undefined =
        read === undefined ? { ifAbsent: true } : read.etag ? { ifMatch: read.etag } : undefined;
      const pointer = next(read?.value);
      try {
        await this.objects.put(key, JSON.stringify(pointer, null, 2), 'application/json', condition);
        return { previous: read?.value, pointer };
      } catch (error) {
        if (!(error instanceof WriteConflictError)) throw error;
        if (attempt >= attempts) {
          throw new RegistryConflictError(
            `the ${model} pointer kept changing under other writers (${attempts} attempts): look at ` +
              `\`pnpm ml models show ${model}\` and try again`,
            error,
          );
        }
      }
    }
  }

  /** Reads one artifact of a version; throws naming the key when it is missing. */
  async artifact(pointer: ModelPointer, name: string): Promise<Uint8Array> {
    const bytes = await this.objects.get(pointer.prefix + name);
    if (bytes === undefined) throw new Error(`model artifact ${pointer.prefix}${name} is missing`);
    return bytes;
  }

  /** Reads one file of a named version; `undefined` when it does not exist. */
  async versionFile(model: string, version: string, name: string): Promise<Uint8Array | undefined> {
    return this.objects.get(versionPrefix(checkModelName(model), checkVersionId(version)) + name);
  }

  /** File names of a version (`model.onnx`, `metadata.json`, …); empty when the version does not exist. */
  async versionFiles(model: string, version: string): Promise<string[]> {
    const prefix = versionPrefix(checkModelName(model), checkVersionId(version));
    const { keys } = await this.objects.list(prefix);
    return keys.map((key) => key.slice(prefix.length));
  }

  /** Names of every model that has a pointer or a version, sorted. */
  async models(): Promise<string[]> {
    const { prefixes } = await this.objects.list('models/', '/');
    return prefixes.map((p) => p.slice('models/'.length, -1)).sort();
  }

  /** Deletes every file of a version (an orphan); the pointer is never touched. */
  async deleteVersion(model: string, version: string): Promise<number> {
    const prefix = versionPrefix(checkModelName(model), checkVersionId(version));
    const { keys } = await this.objects.list(prefix);
    // metadata.json first: a version half-deleted reads as incomplete, never as complete.
    keys.sort((a, b) => Number(b.endsWith('/metadata.json')) - Number(a.endsWith('/metadata.json')));
    for (const key of keys) await this.objects.delete(key);
    return keys.length;
  }

  /** Version ids of a model, oldest first (ids sort by time). */
  async versions(model: string): Promise<string[]> {
    const base = `models/${checkModelName(model)}/versions/`;
    const { prefixes } = await this.objects.list(base, '/');
    return prefixes.map((p) => p.slice(base.length, -1)).sort();
  }
}
