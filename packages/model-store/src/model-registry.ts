import { NotFoundError } from '@serverless-ml/errors';
import { checkModelName, checkVersionId } from './model-names';
import type { PromotionRecord } from './model-pointer';
import { type PromotionResult, promoteVersion, rollbackModel } from './model-promotion';
import type { ModelStore } from './model-store';
import { unknownModel, unknownVersion } from './registry-errors';
import { readVersionMetadata } from './version-metadata';

/** One model at a glance. */
export interface ModelSummary {
  name: string;
  /** The version `latest.json` names; `undefined` when no pointer was written. */
  promoted?: string;
  promotedAt?: string;
  versions: number;
  newestVersion?: string;
}

/** One stored version with its headline metrics. */
export interface VersionSummary {
  version: string;
  promoted: boolean;
  trainedAt?: string;
  /** As recorded in its metadata.json. */
  modelSha256?: string;
  metrics: Record<string, number>;
}

/** A model's versions, oldest first, and its promotion history (newest first). */
export interface ModelVersions {
  name: string;
  promoted?: string;
  promotedAt?: string;
  history: PromotionRecord[];
  versions: VersionSummary[];
}

/** One version in full: its summary, its files and its whole metadata.json. */
export interface VersionDetail extends VersionSummary {
  model: string;
  files: string[];
  metadata?: Record<string, unknown>;
}

/** Reads that fan out (a metadata.json per version) stay under this many requests at once. */
const CONCURRENCY = 8;

async function mapLimited<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}

/**
 * The model registry over the S3 layout: list models and versions with their metrics, show one
 * version, promote a version or roll back — each of the last two is a single pointer write.
 */
export class ModelRegistry {
  constructor(
    private readonly store: ModelStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every model with its promoted version and how many versions it has. */
  async listModels(): Promise<ModelSummary[]> {
    return mapLimited(await this.store.models(), async (name) => {
      const [pointer, versions] = await Promise.all([this.store.latest(name), this.store.versions(name)]);
      return {
        name,
        promoted: pointer?.version,
        promotedAt: pointer?.publishedAt,
        versions: versions.length,
        newestVersion: versions.at(-1),
      };
    });
  }

  /** A model's versions (oldest first) with metrics from each metadata.json; 404 for an unknown model. */
  async listVersions(name: string): Promise<ModelVersions> {
    checkModelName(name);
    const [pointer, versions] = await Promise.all([this.store.latest(name), this.store.versions(name)]);
    if (!pointer && versions.length === 0) throw unknownModel(name, await this.store.models());
    const summaries = await mapLimited(versions, async (version) => {
      const meta = readVersionMetadata(await this.store.versionFile(name, version, 'metadata.json'));
      const { trainedAt, modelSha256, metrics } = meta;
      return { version, promoted: version === pointer?.version, trainedAt, modelSha256, metrics };
    });
    return {
      name,
      promoted: pointer?.version,
      promotedAt: pointer?.publishedAt,
      history: pointer?.history ?? [],
      versions: summaries,
    };
  }

  /** One version (default: the promoted one) with its files and metadata; 404 when it does not exist. */
  async showVersion(name: string, version?: string): Promise<VersionDetail> {
    checkModelName(name);
    const pointer = await this.store.latest(name);
    const wanted = version === undefined ? pointer?.version : checkVersionId(version);
    const files = wanted === undefined ? [] : await this.store.versionFiles(name, wanted);
    if (wanted === undefined || files.length === 0) {
      const versions = await this.store.versions(name);
      if (!pointer && versions.length === 0) throw unknownModel(name, await this.store.models());
      if (wanted !== undefined) throw unknownVersion(name, wanted);
      throw new NotFoundError(`${name} has no promoted version: show one, e.g. ${name}@${versions.at(-1)}`);
    }
    const meta = readVersionMetadata(await this.store.versionFile(name, wanted, 'metadata.json'));
    return {
      model: name,
      version: wanted,
      promoted: wanted === pointer?.version,
      trainedAt: meta.trainedAt,
      modelSha256: meta.modelSha256,
      metrics: meta.metrics,
      files,
      metadata: meta.raw,
    };
  }

  /** Promotes a version after checking its model.onnx sha256; one pointer write. */
  async promote(name: string, version: string): Promise<PromotionResult> {
    return promoteVersion(this.store, name, version, this.now());
  }

  /** Goes back to the previously promoted version; one pointer write. */
  async rollback(name: string): Promise<PromotionResult> {
    return rollbackModel(this.store, name, this.now());
  }
}
