import { createHash } from 'node:crypto';
import { AppError, NotFoundError, UpstreamError } from '@serverless-ml/errors';
import type { OrtSession } from '@serverless-ml/onnx';
import { checkVersionId } from './model-names';
import { type ModelPointer, versionPrefix } from './model-pointer';
import type { ModelStore } from './model-store';
import { readVersionMetadata } from './version-metadata';

/** A model version and its ONNX session; the same object until the version changes. */
export interface LoadedModel {
  pointer: ModelPointer;
  session: OrtSession;
}

/** How many pinned versions a container keeps loaded next to the latest one (each is a session). */
export const MAX_PINNED_VERSIONS = 4;

/** What loading a pinned version needs: the store, the session factory, the caller's extra checks, a log. */
export interface PinnedModelDeps {
  store: Pick<ModelStore, 'latest' | 'versionFile'>;
  create: (model: Uint8Array) => Promise<OrtSession>;
  verify: (pointer: ModelPointer) => Promise<void>;
  log: (message: string) => void;
}

/**
 * Exact versions asked for by callers (`?version=…`), least recently used first out. A version's
 * model.onnx is checked against the sha256 its own metadata.json records (`onnx.sha256`, which
 * every trainer writes); failing that, against the pointer or its promotion history; a version
 * with no recorded checksum anywhere is loaded with a warning. A failed load is not cached.
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
      const [bytes, metadata] = await Promise.all([
        store.versionFile(this.name, version, 'model.onnx'),
        store.versionFile(this.name, version, 'metadata.json'),
      ]);
      if (!bytes) throw new NotFoundError(`no ${this.name} model version "${version}"`);
      const meta = readVersionMetadata(metadata);
      const recorded = meta.modelSha256 ?? (await this.recordedInPointer(version));
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (recorded && sha !== recorded) {
        throw new UpstreamError(
          `refusing ${this.name}@${version}: its model.onnx has sha256 ${sha}, but ${recorded} was recorded for it`,
        );
      }
      if (!recorded) log(`warning: no sha256 is recorded for ${this.name}@${version}; loading it unchecked`);
      const prefix = versionPrefix(this.name, version);
      const pointer = { model: this.name, version, prefix, modelSha256: sha, publishedAt: meta.trainedAt ?? '' };
      await verify(pointer);
      const session = await create(bytes);
      log(`loaded pinned ${this.name}@${version} (${bytes.length} bytes)`);
      return { pointer, session };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new UpstreamError(`could not load the ${this.name} model version ${version}`, error);
    }
  }

  private async recordedInPointer(version: string): Promise<string | undefined> {
    const pointer = await this.deps.store.latest(this.name);
    if (pointer?.version === version) return pointer.modelSha256;
    return pointer?.history?.find((h) => h.version === version)?.modelSha256;
  }
}
