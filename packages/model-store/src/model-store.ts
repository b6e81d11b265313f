import { createHash, randomBytes } from 'node:crypto';
import type { ObjectStore } from './object-store';

export interface ModelArtifact {
  /** File name inside the version folder, e.g. `model.onnx`. */
  name: string;
  body: Uint8Array | string;
  contentType: string;
}

/** The small object that names a model's current version. Written last, so it never points at a partial write. */
export interface ModelPointer {
  model: string;
  version: string;
  prefix: string;
  modelSha256: string;
  publishedAt: string;
}

export interface PublishedModel {
  pointer: ModelPointer;
  keys: string[];
}

/** Version ids sort by time (UTC, millisecond) and stay unique across concurrent trainers. */
export function newVersionId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Versioned models in S3: `models/<name>/versions/<version>/<file>` plus a pointer
 * `models/<name>/latest.json`.
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
    const prefix = `models/${model}/versions/${version}/`;
    // Sequential on purpose: the pointer must not be written if any artifact fails.
    for (const artifact of artifacts) {
      await this.objects.put(prefix + artifact.name, artifact.body, artifact.contentType);
    }
    const pointer: ModelPointer = {
      model,
      version,
      prefix,
      modelSha256: createHash('sha256').update(onnx.body).digest('hex'),
      publishedAt: now.toISOString(),
    };
    await this.objects.put(this.pointerKey(model), JSON.stringify(pointer, null, 2), 'application/json');
    return { pointer, keys: artifacts.map((a) => prefix + a.name) };
  }

  /** The current pointer; `undefined` before the first publish. */
  async latest(model: string): Promise<ModelPointer | undefined> {
    return this.objects.getJson<ModelPointer>(this.pointerKey(model));
  }

  /** Reads one artifact of a version; throws naming the key when it is missing. */
  async artifact(pointer: ModelPointer, name: string): Promise<Uint8Array> {
    const bytes = await this.objects.get(pointer.prefix + name);
    if (bytes === undefined) throw new Error(`model artifact ${pointer.prefix}${name} is missing`);
    return bytes;
  }
}
