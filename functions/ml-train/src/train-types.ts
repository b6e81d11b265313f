import type { ModelStore, ObjectStore } from '@serverless-ml/model-store';
import type { Provenance } from './provenance';

/** What every trainer needs: the data bucket, the model registry, a progress log and what runs it. */
export interface TrainDeps {
  data: ObjectStore;
  models: ModelStore;
  log: (message: string) => void;
  /** Code and library versions, recorded in metadata.json (never in model.onnx). */
  provenance: Provenance;
}

/**
 * What every trainer returns (and ml-train answers), the same shape for every model: the published
 * version, its algorithm, the exported model's test figures and the baselines', the row counts,
 * the training time and the keys written. A trainer may add details (e.g. the rows it left out).
 */
export interface TrainSummary {
  model: string;
  version: string;
  /** False when the event asked `"promote": false`: the version is stored, `latest` unchanged. */
  promoted: boolean;
  algorithm: string;
  /** Test-set figures of the exported model, as in metadata.json (accuracy, auc, r2, count, …). */
  metrics: Record<string, number>;
  baselines: Record<string, number>;
  rows: { train: number; test: number; invalid: number };
  trainMs: number;
  keys: string[];
  [detail: string]: unknown;
}
