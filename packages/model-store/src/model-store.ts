import { createHash, randomBytes } from 'node:crypto';
import { checkModelName, checkVersionId } from './model-names';
import { type ModelPointer, promotedPointer, versionPrefix } from './model-pointer';
import { type ObjectStore, type WriteCondition, WriteConflictError } from './object-store';
import { RegistryConflictError } from './registry-errors';

export type { ModelPointer } from './model-pointer';

export interface ModelArtifact {
  /** File name inside the version folder, e.g. `model.onnx`. */
  name: string;
  body: Uint8Array | string;
  contentType: string;
}

export interface PublishedModel {
  pointer: ModelPointer;
  keys: string[];
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

  /** Writes every artifact under a fresh version, then flips the pointer. A failure leaves the old pointer. */
  async publish(model: string, artifacts: ModelArtifact[], now: Date = new Date()): Promise<PublishedModel> {
    const onnx = artifacts.find((a) => a.name === 'model.onnx');
    if (!onnx) throw new Error('a published model needs a model.onnx artifact');
    const version = newVersionId(now);
    const prefix = versionPrefix(checkModelName(model), version);
    // Sequential on purpose: the pointer must not be written if any artifact fails.
    for (const artifact of artifacts) {
      await this.objects.put(prefix + artifact.name, artifact.body, artifact.contentType);
    }
    const modelSha256 = createHash('sha256').update(onnx.body).digest('hex');
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
    return { pointer, keys: artifacts.map((a) => prefix + a.name) };
  }

  /** The current pointer; `undefined` before the first publish. */
  async latest(model: string): Promise<ModelPointer | undefined> {
    return this.objects.getJson<ModelPointer>(this.pointerKey(model));
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
      const read = await this.objects.getTaggedJson<ModelPointer>(key);
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

  /** Version ids of a model, oldest first (ids sort by time). */
  async versions(model: string): Promise<string[]> {
    const base = `models/${checkModelName(model)}/versions/`;
    const { prefixes } = await this.objects.list(base, '/');
    return prefixes.map((p) => p.slice(base.length, -1)).sort();
  }
}
