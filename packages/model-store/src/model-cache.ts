import { AppError, ModelNotReadyError, UpstreamError } from '@serverless-ml/errors';
import { createSession, type OrtSession } from '@serverless-ml/onnx';
import type { ModelPointer } from './model-pointer';
import type { ModelStore } from './model-store';
import { type LoadedModel, PinnedModels } from './pinned-models';
import { ModelIntegrityError } from './registry-errors';
import { verifyVersion } from './version-integrity';

export type { LoadedModel } from './pinned-models';

type Log = (message: string) => void;

/**
 * Keeps one ONNX session per container and follows the model's `latest` pointer: the pointer
 * (a few hundred bytes) is re-read at most every `ttlMs`, the model only when it changed —
 * so a newly trained model is served without a cold start. Every version is verified whole
 * (metadata per the contract, every artifact's size and sha256) before it is served.
 *
 * When the promoted version fails that check, the cache serves what it already serves or — in a
 * fresh container — the newest earlier version of the pointer's history that verifies (as Triton
 * falls back to an earlier version), logs why once, and does not retry it until the pointer
 * moves: every request gets the same answer. Exact versions asked for by callers are kept apart,
 * in a few PinnedModels sessions.
 */
export class ModelCache {
  private current?: LoadedModel;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing?: Promise<LoadedModel>;
  /** The pointer (version and write time) whose version was refused, so it is not retried. */
  private refused?: string;
  /** Why no version of that pointer could be served: answered again without reloading or logging. */
  private unservable?: UpstreamError;
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
    const pointerId = `${pointer.version}@${pointer.publishedAt}`;
    if (this.refused === pointerId) {
      if (this.current) return this.keep();
      if (this.unservable) throw this.unservable;
    }
    try {
      return this.serve(await this.load(pointer));
    } catch (error) {
      if (!(error instanceof ModelIntegrityError)) {
        if (this.current) return this.keep(`could not load ${this.name}@${pointer.version} (${String(error)})`);
        if (error instanceof AppError) throw error;
        throw new UpstreamError(`could not load the ${this.name} model ${pointer.version}`, error);
      }
      this.refused = pointerId;
      if (this.current) {
        this.log(`error: ${error.message}; still serving ${this.name}@${this.current.pointer.version}`);
        return this.keep();
      }
      return this.serve(await this.fallBack(pointer, error));
    }
  }

  /** Verifies a version whole and opens its session. */
  private async load(pointer: ModelPointer): Promise<LoadedModel> {
    const { metadata, onnx } = await verifyVersion(this.store, this.name, pointer.version, [pointer.modelSha256]);
    await this.verify(pointer);
    const started = performance.now();
    const session = await this.create(onnx);
    this.log(
      `loaded ${this.name}@${pointer.version} (${onnx.length} bytes) in ${(performance.now() - started).toFixed(1)} ms`,
    );
    return { pointer, session, metadata };
  }

  /** The newest earlier promotion that verifies; UpstreamError (503) naming why when none does. */
  private async fallBack(pointer: ModelPointer, refusal: ModelIntegrityError): Promise<LoadedModel> {
    for (const earlier of pointer.history ?? []) {
      const candidate: ModelPointer = {
        model: this.name,
        version: earlier.version,
        prefix: pointer.prefix.replace(pointer.version, earlier.version),
        modelSha256: earlier.modelSha256,
        publishedAt: earlier.promotedAt,
      };
      try {
        const loaded = await this.load(candidate);
        this.log(
          `error: ${refusal.message}; serving ${this.name}@${earlier.version} instead, the newest earlier ` +
            `promotion that verifies (promote a good version, or retrain, to end this)`,
        );
        return { ...loaded, fallbackFrom: pointer.version };
      } catch (error) {
        if (!(error instanceof ModelIntegrityError) && !(error instanceof AppError)) throw error;
      }
    }
    this.log(`error: ${refusal.message}; no earlier promotion of ${this.name} verifies either`);
    this.unservable = new UpstreamError(
      `the promoted ${this.name} model cannot be served: ${refusal.message}; retrain it or promote a good version`,
      refusal,
    );
    throw this.unservable;
  }

  private serve(loaded: LoadedModel): LoadedModel {
    this.current = loaded;
    this.unservable = undefined;
    this.checkedAt = this.now();
    return loaded;
  }

  private keep(warning?: string): LoadedModel {
    if (warning) this.log(`warning: ${warning}; still serving ${this.name}@${this.current?.pointer.version}`);
    this.checkedAt = this.now();
    // keep() is only reached with a current model.
    return this.current as LoadedModel;
  }
}
