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
 * Pairs the ModelCache's sessions with their catalogs: a catalog is read once per loaded model
 * (ModelCache returns the same LoadedModel object for a version until it is replaced, so a WeakMap
 * lets replaced or evicted versions go), and a failed read is retried on the next request.
 */
export class StoreIndexCache {
  private readonly indexes = new WeakMap<LoadedModel, Promise<StoreIndex>>();

  constructor(
    private readonly models: { get(version?: string): Promise<LoadedModel> },
    private readonly store: Pick<ModelStore, 'artifact'>,
  ) {}

  /** The promoted model with its catalog, or exactly `version` when one is given. */
  async get(version?: string): Promise<StoreIndex> {
    const model = await this.models.get(version);
    const cached = this.indexes.get(model);
    if (cached) return cached;
    const index = loadStoreIndex(model, this.store);
    this.indexes.set(model, index);
    index.catch(() => {
      if (this.indexes.get(model) === index) this.indexes.delete(model);
    });
    return index;
  }
}
