/** One point of a ROC curve: the false and true positive rates at some threshold. */
export interface RocPoint {
  fpr: number;
  tpr: number;
}

/** One bin of a reliability diagram: the mean forecast, how often it then happened, over `count` rows. */
export interface ReliabilityBin {
  predicted: number;
  observed: number;
  count: number;
}

function classCounts(labels: ArrayLike<number>): { positives: number; negatives: number } {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  return { positives, negatives: labels.length - positives };
}

/**
 * The ROC curve of scores against 0/1 labels, one vertex per distinct score (ties move together),
 * thinned to vertices at least `minStep` apart in either rate so the drawing stays small.
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, minStep = 0.004): RocPoint[] {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
  const { positives, negatives } = classCounts(labels);
  if (positives === 0 || negatives === 0) throw new Error('a ROC curve needs both classes among the labels');
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (labels[i] === 1) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[i]) continue;
    const point = { fpr: fp / negatives, tpr: tp / positives };
    const last = points[points.length - 1];
    const isEnd = k === order.length - 1;
    if (isEnd || point.fpr - last.fpr >= minStep || point.tpr - last.tpr >= minStep) points.push(point);
  }
  return points;
}

/** Where hard 0/1 predictions (a baseline rule) sit on the ROC plane. */
export function rocPointOf(predictions: ArrayLike<number>, labels: ArrayLike<number>): RocPoint {
  const { positives, negatives } = classCounts(labels);
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < labels.length; i++) {
    if (predictions[i] >= 0.5) {
      if (labels[i] === 1) tp++;
      else fp++;
    }
  }
  return { fpr: negatives ? fp / negatives : 0, tpr: positives ? tp / positives : 0 };
}

/** Forecasts in `bins` equal-width bins over [0, 1]; empty bins are left out. */
export function reliabilityBins(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ predicted: 0, observed: 0, count: 0 }));
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    const bin = sums[Math.min(bins - 1, Math.max(0, Math.floor(p * bins)))];
    bin.predicted += p;
    bin.observed += labels[i] === 1 ? 1 : 0;
    bin.count++;
  }
  return sums
    .filter((b) => b.count > 0)
    .map((b) => ({ predicted: b.predicted / b.count, observed: b.observed / b.count, count: b.count }));
}
