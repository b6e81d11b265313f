import { sha256Hex } from '@serverless-ml/datasets';
import { NotFoundError, ValidationError } from '@serverless-ml/errors';
import type { ModelArtifact } from '@serverless-ml/model-store';
import type { DraftFields, MetadataDraft } from '@serverless-ml/model-store/contract';
import { type PlotDraft, renderPlots } from './render-plots';
import type { TrainDeps, TrainSummary } from './train-types';

/** The dataset as loaded: where it came from and the sha256 of its bytes (recorded in the metadata). */
export interface LoadedDataset {
  key: string;
  source: string;
  sha256: string;
}

/**
 * What a trained model hands back to the pipeline. `onnx` is the exported model, already evaluated
 * with ONNX Runtime on the test rows (`metrics` are the exported model's, not the trainer's).
 */
export interface TrainedModel {
  onnx: Uint8Array;
  /** metadata.json's model-specific part; the pipeline adds the dataset, provenance and trainEvent. */
  metadata: DraftFields<'version' | 'artifacts' | 'model' | 'codeVersion' | 'versions' | 'trainEvent' | 'plots'>;
  /** Files published next to model.onnx (a test set, a catalog). */
  artifacts?: ModelArtifact[];
  /** Plots of the exported model on the test rows: rendered to `plots/<id>.svg` and listed in `plots`. */
  plots?: PlotDraft[];
  /** What ml-train answers beyond the common summary (e.g. rows left out, with line numbers). */
  details?: Record<string, unknown>;
}

/**
 * One model's trainer: parse the dataset, then split, train, export to ONNX and evaluate the
 * exported model (`train`). Everything else — loading, hashing, the metadata's common part,
 * publishing, progress and the answer — is the pipeline's, the same for every model.
 */
export interface Trainer<Data> {
  model: string;
  /** "a digits CSV": used in the error for a dataset that does not parse. */
  datasetKind: string;
  parse(raw: Uint8Array): Data;
  /** One line on what was parsed (rows, rows left out). */
  describe(data: Data): string;
  train(data: Data, dataset: LoadedDataset, log: (message: string) => void): Promise<TrainedModel>;
}

/**
 * The one trainer pipeline: load → parse → hash → (split → train → export → evaluate the
 * exported model) → plots → metadata → publish. Progress goes to `deps.log` per stage; every model answers
 * the same TrainSummary.
 */
export async function runTrainer<Data>(
  trainer: Trainer<Data>,
  { promote = true, ...request }: { datasetKey: string; promote?: boolean } & Record<string, unknown>,
  deps: TrainDeps,
): Promise<TrainSummary> {
  const { log } = deps;
  const source = `s3://${deps.data.bucket}/${request.datasetKey}`;
  log(`[load] ${source}`);
  const raw = await deps.data.get(request.datasetKey);
  if (!raw) {
    throw new NotFoundError(`dataset ${source} not found: upload data/ to the data bucket first (pnpm start does)`);
  }
  let data: Data;
  try {
    data = trainer.parse(raw);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(`dataset ${source}: ${error.message}`, error.details, error);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`dataset ${source} is not ${trainer.datasetKind}: ${reason}`, undefined, error);
  }
  const dataset = { key: request.datasetKey, source, sha256: sha256Hex(raw) };
  log(`[parse] ${trainer.describe(data)}`);

  const started = performance.now();
  const trained = await trainer.train(data, dataset, log);
  const wallMs = performance.now() - started;
  const rendered = await renderPlots(trained.plots ?? [], log);

  const metadata: MetadataDraft = {
    ...trained.metadata,
    plots: rendered.plots,
    model: trainer.model,
    trainEvent: { ...request, model: trainer.model },
    codeVersion: deps.provenance.codeVersion,
    versions: deps.provenance.versions,
  };
  log(`[publish] ${trainer.model}: ${headline(metadata.metrics)}`);
  const { version, keys } = await deps.models.publish(
    trainer.model,
    [
      { name: 'model.onnx', body: trained.onnx, contentType: 'application/octet-stream' },
      ...(trained.artifacts ?? []),
      ...rendered.artifacts,
      { name: 'metadata.json', body: JSON.stringify(metadata, null, 2), contentType: 'application/json' },
    ],
    new Date(),
    { promote },
  );
  log(
    promote
      ? `model ${trainer.model}@${version} is now latest`
      : `model ${trainer.model}@${version} is stored, not promoted: pnpm ml models promote ${trainer.model}@${version}`,
  );
  return {
    model: trainer.model,
    version,
    promoted: promote,
    algorithm: metadata.algorithm,
    metrics: metadata.metrics,
    baselines: metadata.baselines,
    rows: {
      train: metadata.dataset.trainRows,
      test: metadata.dataset.testRows,
      invalid: metadata.dataset.invalidRows ?? 0,
    },
    trainMs: metadata.trainingMs ?? wallMs,
    keys,
    ...trained.details,
  };
}

/** The first few metrics, rounded, for the progress log. */
function headline(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .slice(0, 4)
    .map(([name, value]) => `${name} ${Number(value.toFixed(4))}`)
    .join(', ');
}
