import { UpstreamError } from '@serverless-ml/errors';
import type { LoadedModel, ModelStore } from '@serverless-ml/model-store';
import type { OrtSession } from '@serverless-ml/onnx';
import { parseStoreCatalog, type Store } from './store-catalog';

/** What a nearest-store query needs: the model's session and its catalog, of one version. */
export interface StoreIndex {
  modelVersion: string;
  session: OrtSession;
  catalog: Store[];
}

/** Reads a model version's catalog (`stores.json`); names the version when it cannot. */
export async function loadStoreIndex(model: LoadedModel, store: Pick<ModelStore, 'artifact'>): Promise<StoreIndex> {
  try {
    const catalog = parseStoreCatalog(await store.artifact(model.pointer, 'stores.json'));
    return { modelVersion: model.pointer.version, session: model.session, catalog };
  } catch (error) {
    throw new UpstreamError(`could not load the store catalog of stores@${model.pointer.version}`, error);
  }
}

/**
 * Pairs the ModelCache's session with its catalog: the catalog is read once per model version
 * (ModelCache returns the same LoadedModel object until the version changes) and a failed
 * read is retried on the next request rather than cached.
 */
export class StoreIndexCache {
  private cached?: { model: LoadedModel; index: Promise<StoreIndex> };

  constructor(
    private readonly models: { get(): Promise<LoadedModel> },
    private readonly store: Pick<ModelStore, 'artifact'>,
  ) {}

  /** The current model with its catalog. */
  async get(): Promise<StoreIndex> {
    const model = await this.models.get();
    if (this.cached?.model !== model) {
      const index = loadStoreIndex(model, this.store);
      this.cached = { model, index };
      index.catch(() => {
        if (this.cached?.index === index) this.cached = undefined;
      });
      return index;
    }
    return this.cached.index;
  }
}
