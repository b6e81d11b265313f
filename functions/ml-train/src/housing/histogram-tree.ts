import type { RegressionTree } from '../rain/regression-tree';
import {
  type BinnedMatrix,
  bestSplit,
  fillHistogram,
  partitionRows,
  pickFeatures,
  type Split,
  subtractHistogram,
} from './histogram-split';

/** How a tree grows. Weights are hessian sums: row counts for squared error, bootstrap counts in a forest. */
export interface TreeGrowth {
  maxLeaves: number;
  maxDepth: number;
  minLeafWeight: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Multiplies every leaf value (the boosting learning rate; 1 in a forest). */
  shrinkage: number;
  /** Share of the features each split may choose from (random forest); 1 = all. */
  featureFraction: number;
}

/** A grown tree; its training rows are partitioned so that each leaf owns rows[start, end). */
export interface GrownTree {
  tree: RegressionTree;
  /** Per node, the bin a row of the training matrix must be ≤ to go left (−1 for leaves). */
  splitBins: Int32Array;
  leaves: { node: number; start: number; end: number }[];
}

interface OpenNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  /** Kept for the subtraction trick while few nodes are open; dropped (children built from rows) beyond. */
  hist: Float64Array | undefined;
  split: Split;
}

/** Open nodes that keep their histogram: a forest's 1000-leaf tree would otherwise hold one per leaf. */
const KEPT_HISTOGRAMS = 64;

/** Open nodes by largest gain first (ties: the older node), so that growth order is deterministic. */
class OpenNodes {
  readonly items: OpenNode[] = [];

  private before(a: OpenNode, b: OpenNode): boolean {
    return a.split.gain > b.split.gain || (a.split.gain === b.split.gain && a.id < b.id);
  }

  push(node: OpenNode): void {
    const items = this.items;
    let i = items.push(node) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): OpenNode | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < items.length && this.before(items[l], items[best])) best = l;
      if (r < items.length && this.before(items[r], items[best])) best = r;
      if (best === i) return top;
      [items[i], items[best]] = [items[best], items[i]];
      i = best;
    }
  }
}
/** Growing nodes as parallel arrays, turned into a RegressionTree at the end. */
class TreeBuilder {
  feature: number[] = [];
  threshold: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  splitBin: number[] = [];

  add(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.splitBin.push(-1);
    return this.feature.length - 1;
  }

  build(): RegressionTree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float32Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float32Array.from(this.value),
    };
  }
}

/** The sums of gradient and hessian in a histogram (over one feature's bins: every row is in one). */
function histogramTotals(m: BinnedMatrix, hist: Float64Array): [number, number] {
  let g = 0;
  let h = 0;
  for (let b = m.offsets[0]; b < m.offsets[1]; b++) {
    g += hist[b << 1];
    h += hist[(b << 1) + 1];
  }
  return [g, h];
}

/**
 * A grower of regression trees on histograms of gradients and hessians, a Newton step per leaf, as
 * in LightGBM and scikit-learn's HistGradientBoosting: best-first (the leaf with the largest gain
 * splits next); only the smaller child's histogram is built from its rows, the larger one is its
 * parent's minus it. Histogram buffers are reused from tree to tree. Each call permutes `rows` in
 * place; deterministic for the same inputs and `random` sequence.
 */
export function createTreeGrower(m: BinnedMatrix) {
  const histSize = m.offsets[m.featureCount] * 2;
  const pool: Float64Array[] = [];
  const scratch = new Uint32Array(m.rowCount);
  const featureOrder = Int32Array.from({ length: m.featureCount }, (_, f) => f);
  const takeHist = () => pool.pop() ?? new Float64Array(histSize);

  return function grow(
    rows: Uint32Array,
    grad: Float64Array,
    hess: Float64Array | undefined,
    growth: TreeGrowth,
    random: () => number,
  ): GrownTree {
    const nodes = new TreeBuilder();
    const leaves: GrownTree['leaves'] = [];
    const open = new OpenNodes();
    let keptHistograms = 0;
    const histogramOf = (start: number, end: number) => {
      const hist = takeHist();
      fillHistogram(m, rows, start, end, grad, hess, hist);
      return hist;
    };
    const makeLeaf = (id: number, start: number, end: number, g: number, h: number) => {
      nodes.value[id] = Math.fround((-g / (h + growth.l2)) * growth.shrinkage);
      leaves.push({ node: id, start, end });
    };
    /** A new node stays open (maybe keeping its histogram) while it can split, else it is a leaf. */
    const addNode = (start: number, end: number, depth: number, hist: Float64Array) => {
      const id = nodes.add();
      const [g, h] = histogramTotals(m, hist);
      const canSplit = depth < growth.maxDepth && h >= 2 * growth.minLeafWeight;
      const features = canSplit ? pickFeatures(featureOrder, growth.featureFraction, random) : [];
      const split = canSplit ? bestSplit(m, hist, g, h, features, growth) : undefined;
      const keep = split !== undefined && keptHistograms < KEPT_HISTOGRAMS;
      if (keep) keptHistograms++;
      else pool.push(hist);
      if (split) open.push({ id, start, end, depth, g, h, hist: keep ? hist : undefined, split });
      else makeLeaf(id, start, end, g, h);
      return id;
    };

    addNode(0, rows.length, 0, histogramOf(0, rows.length));
    for (let leafCount = 1; leafCount < growth.maxLeaves; leafCount++) {
      const node = open.pop();
      if (!node) break;
      const mid = partitionRows(m, rows, node.start, node.end, node.split, scratch);
      const leftIsSmaller = mid - node.start <= node.end - mid;
      const small = leftIsSmaller ? histogramOf(node.start, mid) : histogramOf(mid, node.end);
      let large = node.hist;
      if (large) {
        keptHistograms--;
        subtractHistogram(large, small);
      } else large = leftIsSmaller ? histogramOf(mid, node.end) : histogramOf(node.start, mid);
      nodes.feature[node.id] = node.split.feature;
      nodes.splitBin[node.id] = node.split.bin;
      nodes.threshold[node.id] = m.thresholds[node.split.feature][node.split.bin];
      nodes.left[node.id] = addNode(node.start, mid, node.depth + 1, leftIsSmaller ? small : large);
      nodes.right[node.id] = addNode(mid, node.end, node.depth + 1, leftIsSmaller ? large : small);
    }
    for (const node of open.items) {
      if (node.hist) pool.push(node.hist);
      makeLeaf(node.id, node.start, node.end, node.g, node.h);
    }
    return { tree: nodes.build(), splitBins: Int32Array.from(nodes.splitBin), leaves };
  };
}
