import { ConfusionMatrix } from 'ml-confusion-matrix';

export interface ClassMetrics {
  label: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  correct: number;
  total: number;
  perClass: ClassMetrics[];
  /** Rows are the true label, columns the predicted one, both in `labels` order. */
  confusionMatrix: number[][];
  labels: number[];
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

/** Accuracy, per-class precision/recall/F1 and the confusion matrix (scikit-learn's classification_report). */
export function classificationReport(actual: number[], predicted: number[]): ClassificationReport {
  const labels = [...new Set([...actual, ...predicted])].sort((a, b) => a - b);
  const cm = ConfusionMatrix.fromLabels(actual, predicted, { labels });
  const correct = cm.getTrueCount();
  return {
    accuracy: correct / actual.length,
    correct,
    total: actual.length,
    perClass: labels.map((label) => ({
      label,
      precision: round(cm.getPositivePredictiveValue(label)),
      recall: round(cm.getTruePositiveRate(label)),
      f1: round(cm.getF1Score(label)),
      support: cm.getPositiveCount(label),
    })),
    confusionMatrix: cm.getMatrix(),
    labels,
  };
}
