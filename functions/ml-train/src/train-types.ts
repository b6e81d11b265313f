import type { ModelStore, ObjectStore } from '@serverless-ml/model-store';

/** What every trainer needs: the data bucket, the model registry and a progress log. */
export interface TrainDeps {
  data: ObjectStore;
  models: ModelStore;
  log: (message: string) => void;
}

/** What every trainer returns (and ml-train answers): the published version and its headline metrics. */
export interface TrainSummary {
  model: string;
  version: string;
  /** Headline figures, e.g. accuracy, auc, count. */
  metrics: Record<string, number>;
  keys: string[];
}
