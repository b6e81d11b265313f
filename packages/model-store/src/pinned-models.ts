import { AppError, UpstreamError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import type { ModelMetadata } from './model-contract';
import { checkVersionId } from './model-names';
import { type ModelPointer, versionPrefix } from './model-pointer';
import type { ModelStore } from './model-store';
import { verifyVersion } from './version-integrity';

/** A model version and its ONNX session; the same object until the version changes. */
export interface LoadedModel {
  pointer: ModelPointer;
  session: OrtSession;
  /** The version's metadata.json, checked against the contract. */
  metadata: ModelMetadata;
  /** Set when the promoted version failed its integrity check and this earlier one serves instead. */
  fallbackFrom?: string;
}

/** How many pinned versions a container keeps loaded next to the latest one (each is a session). */
export const MAX_PINNED_VERSIONS = 4;

/** What loading a pinned version needs: the store, the session factory, the caller's extra checks, a log. */
export interface PinnedModelDeps {
  store: ModelStore;
  create: (model: Uint8Array) => Promise<OrtSession>;
  verify: (pointer: ModelPointer) => Promise<void>;
  log: (message: string) => void;
}

/**
 * Exact versions asked for by callers (`?version=…`), least recently used first out. A version is
 * verified whole before it is served (verifyVersion: its metadata, every artifact's size and
 * sha256); a version that fails is refused (409 ModelIntegrityError). A failed load is not cached.
 */
export class PinnedModels {
  private readonly loaded = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly name: string,
    private readonly deps: PinnedModelDeps,
    private readonly max = MAX_PINNED_VERSIONS,
  ) {}

  /** The session of exactly `version`; NotFoundError (404) naming it when it does not exist. */
  async get(version: string): Promise<LoadedModel> {
    const hit = this.loaded.get(version);
    if (hit) {
      this.loaded.delete(version);
      this.loaded.set(version, hit);
      return hit;
    }
    const loading = this.load(checkVersionId(version));
    this.loaded.set(version, loading);
    loading.catch(() => {
      if (this.loaded.get(version) === loading) this.loaded.delete(version);
    });
    // Evicted sessions are left to the garbage collector: a request may still be running on one.
    for (const oldest of this.loaded.keys()) {
      if (this.loaded.size <= this.max) break;
      this.loaded.delete(oldest);
    }
    return loading;
  }

  private async load(version: string): Promise<LoadedModel> {
    const { store, create, verify, log } = this.deps;
    try {
      const { metadata, onnx } = await verifyVersion(store, this.name, version);
      const prefix = versionPrefix(this.name, version);
      const pointer = {
        model: this.name,
        version,
        prefix,
        modelSha256: metadata.onnx.sha256,
        publishedAt: metadata.trainedAt,
      };
      await verify(pointer);
      const session = await create(onnx);
      log(`loaded pinned ${this.name}@${version} (${onnx.length} bytes)`);
      return { pointer, session, metadata };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new UpstreamError(`could not load the ${this.name} model version ${version}`, error);
    }
  }
}
