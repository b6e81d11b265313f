import { createHash } from 'node:crypto';
import { AppError, ModelNotReadyError, UpstreamError } from '@serverless-ml/errors';
import { createSession, type OrtSession } from '@serverless-ml/onnx';
import type { ModelPointer } from './model-pointer';
import type { ModelStore } from './model-store';
import { type LoadedModel, PinnedModels } from './pinned-models';

export type { LoadedModel } from './pinned-models';

type Log = (message: string) => void;

/**
 * Keeps one ONNX session per container and follows the model's `latest` pointer: the pointer
 * (a few hundred bytes) is re-read at most every `ttlMs`, the model only when it changed —
 * so a newly trained model is served without a cold start. A failed reload keeps the old model.
 * Exact versions asked for by callers are kept apart, in a few PinnedModels sessions.
 */
export class ModelCache {
  private current?: LoadedModel;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing?: Promise<LoadedModel>;
  private readonly pinned: PinnedModels;

  constructor(
    private readonly store: ModelStore,
    private readonly name: string,
    private readonly ttlMs: number,
    private readonly log: Log = console.log,
    private readonly create: (model: Uint8Array) => Promise<OrtSession> = createSession,
    private readonly now: () => number = Date.now,
    /** Extra checks before a version is served (e.g. its metadata); throwing refuses it. */
    private readonly verify: (pointer: ModelPointer) => Promise<void> = async () => undefined,
  ) {
    this.pinned = new PinnedModels(name, { store, create, verify, log });
  }

  /**
   * The promoted model (loaded or reloaded when the pointer moved), or exactly `version` when one
   * is given — NotFoundError (404) naming it when that version does not exist.
   */
  async get(version?: string): Promise<LoadedModel> {
    if (version !== undefined) {
      // A version's files never change, so the latest session serves it whatever the TTL says.
      return this.current?.pointer.version === version ? this.current : this.pinned.get(version);
    }
    if (this.current && this.now() - this.checkedAt < this.ttlMs) return this.current;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(): Promise<LoadedModel> {
    let pointer: ModelPointer | undefined;
    try {
      pointer = await this.store.latest(this.name);
    } catch (error) {
      if (this.current) return this.keep(`could not read the ${this.name} pointer (${String(error)})`);
      throw new UpstreamError(`could not read the ${this.name} model pointer from S3`, error);
    }
    if (!pointer) {
      throw new ModelNotReadyError(
        `no ${this.name} model has been trained yet: run ml-train first (sls invoke -f ml-train, or pnpm demo)`,
      );
    }
    if (this.current?.pointer.version === pointer.version) return this.keep();
    try {
      await this.verify(pointer);
      const bytes = await this.store.artifact(pointer, 'model.onnx');
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== pointer.modelSha256)
        throw new Error(`model.onnx sha256 ${sha} does not match the pointer's ${pointer.modelSha256}`);
      const started = performance.now();
      this.current = { pointer, session: await this.create(bytes) };
      this.log(
        `loaded ${this.name}@${pointer.version} (${bytes.length} bytes) in ${(performance.now() - started).toFixed(1)} ms`,
      );
      this.checkedAt = this.now();
      return this.current;
    } catch (error) {
      if (this.current) return this.keep(`could not load ${this.name}@${pointer.version} (${String(error)})`);
      if (error instanceof AppError) throw error;
      throw new UpstreamError(`could not load the ${this.name} model ${pointer.version}`, error);
    }
  }

  private keep(warning?: string): LoadedModel {
    if (warning) this.log(`warning: ${warning}; still serving ${this.name}@${this.current?.pointer.version}`);
    this.checkedAt = this.now();
    // keep() is only reached with a current model.
    return this.current as LoadedModel;
  }
}
