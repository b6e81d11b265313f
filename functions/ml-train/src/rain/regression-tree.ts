import type { FeatureBins } from './feature-bins';

/** A binary tree in flat arrays (node 0 is the root); a row goes to `left` when x[feature] < threshold. */
export interface RegressionTree {
  /** −1 for a leaf. */
  feature: Int32Array;
  /** float32 split thresholds (0 for leaves). */
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** float32 leaf values, already scaled by the learning rate (0 for splits). */
  value: Float32Array;
}

export interface TreeOptions {
  maxDepth: number;
  minLeafRows: number;
  /** L2 penalty on leaf values (XGBoost's lambda). */
  l2: number;
  learningRate: number;
}

interface GrowingNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}

/**
 * Grows one Newton-step regression tree (as in XGBoost): histograms of gradients and hessians per
 * bin, the split with the largest gain, depth-first. Ties keep the first feature and bin, so
 * training is deterministic.
 */
export function growTree(
  bins: FeatureBins,
  featureCount: number,
  rows: Uint32Array,
  grad: Float64Array,
  hess: Float64Array,
  options: TreeOptions,
): RegressionTree {
  const nodes: GrowingNode[] = [];
  const score = (g: number, h: number) => (g * g) / (h + options.l2);

  const grow = (members: Uint32Array, depth: number): number => {
    const id = nodes.length;
    let g = 0;
    let h = 0;
    for (const r of members) {
      g += grad[r];
      h += hess[r];
    }
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: 0 });
    let best = { gain: 1e-12, feature: -1, bin: -1 };
    if (depth < options.maxDepth && members.length >= 2 * options.minLeafRows) {
      for (let f = 0; f < featureCount; f++) {
        const binCount = bins.thresholds[f].length + 1;
        const gSum = new Float64Array(binCount);
        const hSum = new Float64Array(binCount);
        const count = new Uint32Array(binCount);
        for (const r of members) {
          const b = bins.binned[r * featureCount + f];
          gSum[b] += grad[r];
          hSum[b] += hess[r];
          count[b]++;
        }
        let gl = 0;
        let hl = 0;
        let nl = 0;
        for (let b = 0; b < binCount - 1; b++) {
          gl += gSum[b];
          hl += hSum[b];
          nl += count[b];
          if (nl < options.minLeafRows) continue;
          if (members.length - nl < options.minLeafRows) break;
          const gain = score(gl, hl) + score(g - gl, h - hl) - score(g, h);
          if (gain > best.gain) best = { gain, feature: f, bin: b };
        }
      }
    }
    if (best.feature < 0) {
      nodes[id].value = Math.fround((-g / (h + options.l2)) * options.learningRate);
      return id;
    }
    const goesLeft = (r: number) => bins.binned[r * featureCount + best.feature] <= best.bin;
    const leftRows = members.filter(goesLeft);
    const rightRows = members.filter((r) => !goesLeft(r));
    nodes[id].feature = best.feature;
    nodes[id].threshold = bins.thresholds[best.feature][best.bin];
    nodes[id].left = grow(leftRows, depth + 1);
    nodes[id].right = grow(rightRows, depth + 1);
    return id;
  };

  grow(rows, 0);
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float32Array.from(nodes, (n) => n.threshold),
    left: Int32Array.from(nodes, (n) => n.left),
    right: Int32Array.from(nodes, (n) => n.right),
    value: Float32Array.from(nodes, (n) => n.value),
  };
}

/** The leaf value a row lands on. */
export function treeValue(tree: RegressionTree, row: ArrayLike<number>): number {
  let node = 0;
  while (tree.feature[node] >= 0)
    node = row[tree.feature[node]] < tree.threshold[node] ? tree.left[node] : tree.right[node];
  return tree.value[node];
}
