/**
 * ROC AUC by the rank-sum (Mann–Whitney U) formula; tied scores share their mean rank, so a tie
 * between a positive and a negative counts one half. No kept npm package computes it (ml-roc*
 * and ml-performance have ~1.5k downloads a month and no release in years).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = labels.length;
  if (scores.length !== n) throw new RangeError(`${scores.length} scores for ${n} labels`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        positiveRankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new RangeError('ROC AUC needs both positive and negative labels');
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of rows whose probability ≥ threshold matches the 0/1 label. */
export function accuracyAt(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if ((probabilities[i] >= threshold ? 1 : 0) === labels[i]) correct++;
  return correct / labels.length;
}

/** Mean squared error of the probabilities against the 0/1 labels (lower is better; 0.25 = coin flip). */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}
