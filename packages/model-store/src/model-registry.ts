import { NotFoundError } from '@serverless-ml/errors';
import { checkModelName, checkVersionId } from './model-names';
import type { PromotionRecord } from './model-pointer';
import { type PromotionResult, promoteVersion, rollbackModel } from './model-promotion';
import type { ModelStore } from './model-store';
import { unknownModel, unknownVersion } from './registry-errors';
import { readVersionState, verifyVersion } from './version-integrity';
import { headlineMetrics } from './version-metadata';
import { type PlotLink, plotLinks, readPlot } from './version-plots';

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
  /**
   * `complete`: its metadata.json (written last) is there and follows the contract; `incomplete`:
   * a publish that did not finish (an orphan, removed by `pnpm ml models clean`); `invalid`: its
   * metadata.json does not follow the contract. Only complete versions can be promoted.
   */
  state: 'complete' | 'incomplete' | 'invalid';
  /** What is wrong with an incomplete or invalid version. */
  problem?: string;
  trainedAt?: string;
  algorithm?: string;
  /** As recorded in its metadata.json. */
  modelSha256?: string;
  metrics: Record<string, number>;
  /** Plots made at training time, with the API path of each SVG (none for older or incomplete versions). */
  plots: PlotLink[];
}

/** Whether a version's files are what its metadata recorded, checked by reading every one. */
export type Integrity = { state: 'verified' } | { state: 'failed'; problem: string };

/** A model's versions, oldest first, and its promotion history (newest first). */
export interface ModelVersions {
  name: string;
  promoted?: string;
  promotedAt?: string;
  /** The promoted version's files checked against its metadata (what serving checks before loading it). */
  integrity?: Integrity;
  history: PromotionRecord[];
  versions: VersionSummary[];
}

/** One version in full: its summary, its files and its whole metadata.json. */
export interface VersionDetail extends VersionSummary {
  model: string;
  files: string[];
  integrity: Integrity;
  metadata?: Record<string, unknown>;
}

/** What `clean` removed (or, in a dry run, would remove). */
export interface CleanResult {
  removed: { model: string; version: string; files: number; problem: string }[];
  /** Incomplete versions left alone because a publish may still be writing them. */
  tooRecent: { model: string; version: string }[];
}

/** How old an incomplete version must be before `clean` takes it for an orphan (a publish takes seconds). */
export const ORPHAN_MIN_AGE_MS = 60 * 60 * 1000;

/** The time a version id was made (ids start with the UTC time, `2026-01-01T00-00-00-000Z-…`). */
function versionTime(version: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(version);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : Number.NaN;
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
    const summaries = await mapLimited(versions, (version) => this.summary(name, version, pointer?.version));
    return {
      name,
      promoted: pointer?.version,
      promotedAt: pointer?.publishedAt,
      integrity: pointer && (await this.integrity(name, pointer.version, [pointer.modelSha256])),
      history: pointer?.history ?? [],
      versions: summaries,
    };
  }

  private async integrity(name: string, version: string, expected: string[]): Promise<Integrity> {
    return verifyVersion(this.store, name, version, expected).then(
      () => ({ state: 'verified' }),
      (error: Error) => ({ state: 'failed', problem: error.message }),
    );
  }

  private async summary(name: string, version: string, promoted?: string): Promise<VersionSummary> {
    const read = await readVersionState(this.store, name, version);
    const base = { version, promoted: version === promoted, state: read.state };
    if (read.state !== 'complete') return { ...base, problem: read.problem, metrics: {}, plots: [] };
    const { metadata } = read;
    return {
      ...base,
      trainedAt: metadata.trainedAt,
      algorithm: metadata.algorithm,
      modelSha256: metadata.onnx.sha256,
      metrics: { ...metadata.metrics, ...headlineMetrics({ metrics: { baselines: metadata.baselines } }) },
      plots: plotLinks(name, version, metadata),
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
    const summary = await this.summary(name, wanted, pointer?.version);
    const integrity = await this.integrity(name, wanted, pointer?.version === wanted ? [pointer.modelSha256] : []);
    const read = await readVersionState(this.store, name, wanted);
    return {
      model: name,
      ...summary,
      files,
      integrity,
      metadata: read.state === 'complete' ? read.metadata : undefined,
    };
  }

  /**
   * Removes orphans: versions with no valid metadata.json (publishes that did not finish) older
   * than `minAgeMs`, never the promoted one or one in its history. `dryRun` only lists them.
   */
  async clean(options: { model?: string; dryRun?: boolean; minAgeMs?: number } = {}): Promise<CleanResult> {
    const minAge = options.minAgeMs ?? ORPHAN_MIN_AGE_MS;
    const names = options.model === undefined ? await this.store.models() : [checkModelName(options.model)];
    const result: CleanResult = { removed: [], tooRecent: [] };
    for (const name of names) {
      const [pointer, versions] = await Promise.all([this.store.latest(name), this.store.versions(name)]);
      const kept = new Set([pointer?.version, ...(pointer?.history ?? []).map((h) => h.version)]);
      for (const version of versions) {
        if (kept.has(version)) continue;
        const read = await readVersionState(this.store, name, version);
        if (read.state !== 'incomplete') continue;
        if (!(this.now().getTime() - versionTime(version) >= minAge)) {
          result.tooRecent.push({ model: name, version });
          continue;
        }
        const files = options.dryRun
          ? (await this.store.versionFiles(name, version)).length
          : await this.store.deleteVersion(name, version);
        result.removed.push({ model: name, version, files, problem: read.problem });
      }
    }
    return result;
  }

  /** One plot's SVG, checked against its metadata; 404 for an unknown model, version or plot. */
  async plot(name: string, version: string, id: string): Promise<{ title: string; svg: Uint8Array }> {
    const { plot, svg } = await readPlot(this.store, name, version, id);
    return { title: plot.title, svg };
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
