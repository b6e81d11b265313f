import { ModelNotReadyError, NotFoundError, UpstreamError } from '@serverless-ml/errors';
import { type LoadedModel, ModelCache, type ModelStore } from '@serverless-ml/model-store';
import type { ModelMetadata } from '@serverless-ml/model-store/contract';
import { checkModelName } from '@serverless-ml/model-store/names';
import { loadStoreIndex, type Store } from '@serverless-ml/nearest-store';
import type { OrtSession } from '@serverless-ml/onnx';
import { checkServable } from './servable-model';

/** A version ready to answer: its session, its metadata (the contract) and, for nearest-neighbours, its catalog. */
export interface ServingModel {
  name: string;
  version: string;
  metadata: ModelMetadata;
  session: OrtSession;
  catalog?: Store[];
}

type Log = (message: string) => void;
type CacheFactory = (store: ModelStore, name: string) => ModelCache;

/**
 * Every model of the registry, each behind its own ModelCache (one per model name in the container,
 * created on the first request for a model that exists): the promoted version follows `latest.json`,
 * pinned versions are loaded on demand, both verified whole (metadata, every artifact's sha256)
 * before they serve. Each loaded version is checked once against its metadata and, for
 * nearest-neighbours, paired with its catalog.
 */
export class ServingModels {
  private readonly caches = new Map<string, ModelCache>();
  private readonly ready = new WeakMap<LoadedModel, Promise<ServingModel>>();

  constructor(
    private readonly store: ModelStore,
    private readonly newCache: CacheFactory,
    private readonly log: Log = console.log,
  ) {}

  /** The promoted version of `name`, or exactly `version`: 404 for an unknown model or version, 503 when none is promoted. */
  async get(name: string, version?: string): Promise<ServingModel> {
    const cache = this.caches.get(checkModelName(name));
    const model = cache ? await cache.get(version) : await this.first(name, version);
    let serving = this.ready.get(model);
    if (!serving) {
      serving = this.prepare(name, model);
      this.ready.set(model, serving);
      serving.catch(() => {
        if (this.ready.get(model) === serving) this.ready.delete(model);
      });
    }
    return serving;
  }

  /** The first request for a model: its cache is kept only once the model turns out to exist. */
  private async first(name: string, version?: string): Promise<LoadedModel> {
    const cache = this.newCache(this.store, name);
    this.caches.set(name, cache);
    try {
      return await cache.get(version);
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ModelNotReadyError) {
        this.caches.delete(name);
        throw await this.whyMissing(name, error);
      }
      throw error;
    }
  }

  /** A 404 naming the models there are when `name` has no version at all; the 503 saying to promote one otherwise. */
  private async whyMissing(name: string, error: NotFoundError | ModelNotReadyError): Promise<Error> {
    const versions = await this.store.versions(name).catch((cause: unknown) => {
      throw new UpstreamError(`could not list the versions of ${name} in S3`, cause);
    });
    if (versions.length === 0) {
      const known = await this.store.models().catch(() => []);
      const hint = known.length ? `models: ${known.join(', ')}` : 'no model has been trained yet: run ml-train first';
      return new NotFoundError(`no model named "${name}" (${hint})`, error);
    }
    if (error instanceof NotFoundError) return error;
    return new ModelNotReadyError(
      `${name} has ${versions.length} version(s) but none is promoted: promote one with ` +
        `\`pnpm ml models promote ${name}@${versions[versions.length - 1]}\`, or pin one with version=…`,
      error,
    );
  }

  private async prepare(name: string, model: LoadedModel): Promise<ServingModel> {
    const { metadata, session } = model;
    checkServable(metadata, session);
    const serving = { name, version: model.pointer.version, metadata, session };
    if (metadata.task !== 'nearest-neighbours') return serving;
    return { ...serving, catalog: await this.catalog(model) };
  }

  /** The version's catalog, as nearest-store reads it (verifyVersion checked its sha256 with the model's). */
  private async catalog(model: LoadedModel): Promise<Store[]> {
    const { catalog } = await loadStoreIndex(model, this.store);
    this.log(`loaded the catalog of ${model.pointer.model}@${model.pointer.version} (${catalog.length} rows)`);
    return catalog;
  }
}

/** The ModelCache of one model, as the handler makes it: the pointer TTL from the config. */
export function modelCacheFactory(ttlMs: number, log: Log): CacheFactory {
  return (store, name) => new ModelCache(store, name, ttlMs, log);
}
