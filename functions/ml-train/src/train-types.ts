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

/** What every trainer returns (and ml-train answers): the published version and its headline metrics. */
export interface TrainSummary {
  model: string;
  version: string;
  /** Headline figures, e.g. accuracy, auc, count. */
  metrics: Record<string, number>;
  keys: string[];
}
