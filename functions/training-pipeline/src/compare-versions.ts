import { NotFoundError } from '@serverless-ml/errors';
import { type ModelMetadata, type ModelStore, type ModelTask, parseModelMetadata } from '@serverless-ml/model-store';

/** The metric each kind of model is judged by (higher is better); nearest-neighbours is exact, so has none. */
const PRIMARY_METRIC: Record<ModelTask, string | undefined> = {
  classification: 'accuracy',
  'binary-classification': 'auc',
  regression: 'r2',
  'nearest-neighbours': undefined,
};

/** The Evaluate step's answer: is the candidate better than the promoted version, and why. */
export interface Evaluation {
  candidate: string;
  promoted: string | null;
  metric: string | null;
  candidateValue: number | null;
  promotedValue: number | null;
  better: boolean;
  reason: string;
}

async function readMetadata(store: ModelStore, model: string, version: string): Promise<ModelMetadata> {
  const bytes = await store.versionFile(model, version, 'metadata.json');
  if (!bytes) throw new NotFoundError(`${model}@${version} has no metadata.json: it was never published completely`);
  return parseModelMetadata(bytes, `models/${model}/versions/${version}/metadata.json`);
}

function metricOf(metadata: ModelMetadata, metric: string): number {
  const value = metadata.metrics[metric];
  if (value === undefined) throw new NotFoundError(`${metadata.model}@${metadata.version} records no ${metric}`);
  return value;
}

/**
 * Compares a freshly trained version with the promoted one on the primary metric their metadata
 * records — the exported models' figures on the test rows of the same split. Versions trained on
 * different data are not compared: the candidate is then not "better".
 */
export async function compareVersions(store: ModelStore, model: string, candidate: string): Promise<Evaluation> {
  const next = await readMetadata(store, model, candidate);
  const metric = PRIMARY_METRIC[next.task] ?? null;
  const pointer = await store.latest(model);
  const none = { candidate, promoted: null, metric, candidateValue: null, promotedValue: null };
  const candidateValue = metric === null ? null : metricOf(next, metric);
  if (!pointer) return { ...none, candidateValue, better: true, reason: `${model} has no promoted version yet` };
  if (pointer.version === candidate) {
    return { ...none, promoted: candidate, candidateValue, better: false, reason: `${candidate} is already promoted` };
  }
  const current = await readMetadata(store, model, pointer.version);
  const compared = { ...none, promoted: pointer.version, candidateValue };
  if (metric === null) {
    return {
      ...compared,
      better: true,
      reason: `${next.task} models are exact: a new catalog always replaces the old`,
    };
  }
  if (current.dataset.sha256 !== next.dataset.sha256 || current.dataset.testRows !== next.dataset.testRows) {
    return {
      ...compared,
      better: false,
      reason: `not comparable: ${candidate} was trained on other data than ${pointer.version} (dataset sha256 differs); use promote: "always"`,
    };
  }
  const promotedValue = metricOf(current, metric);
  const better = candidateValue !== null && candidateValue > promotedValue;
  const verdict = better ? 'better than' : 'not better than';
  const figures = `${metric} ${round(candidateValue)} vs ${round(promotedValue)}`;
  return {
    ...compared,
    promotedValue,
    better,
    reason: `${next.algorithm} is ${verdict} ${current.algorithm} (${figures})`,
  };
}

const round = (value: number | null) => (value === null ? 'n/a' : Number(value.toFixed(4)));
