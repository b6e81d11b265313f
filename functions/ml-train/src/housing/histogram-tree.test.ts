import { treeValue } from '../rain/regression-tree';
import { seededRandom } from '../rain/seeded-random';
import { binMatrix } from './histogram-split';
import { createTreeGrower, type TreeGrowth } from './histogram-tree';

const GROWTH: TreeGrowth = { maxLeaves: 31, maxDepth: 10, minLeafWeight: 1, l2: 0, shrinkage: 1, featureFraction: 1 };

/** Squared-error gradients from a zero start: a leaf's value is then the mean target of its rows. */
function grow(features: Float32Array, featureCount: number, target: number[], growth: Partial<TreeGrowth> = {}) {
  const m = binMatrix(features, featureCount, 255);
  const grad = Float64Array.from(target, (y) => -y);
  const rows = Uint32Array.from(target, (_, i) => i);
  return createTreeGrower(m)(rows, grad, undefined, { ...GROWTH, ...growth }, seededRandom(1));
}

describe('createTreeGrower', () => {
  const x = Float32Array.from({ length: 10 }, (_, i) => i);
  const step = Array.from(x, (v) => (v < 5 ? 0 : 10));

  it('splits a step at a float32 threshold between the two runs, leaves holding the mean', () => {
    const { tree, leaves } = grow(x, 1, step);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBeGreaterThan(4);
    expect(tree.threshold[0]).toBeLessThanOrEqual(5);
    // + 0: a leaf of zero gradient holds −0 (−0 / h), which toEqual tells apart from 0.
    expect(Array.from(x, (v) => treeValue(tree, [v]) + 0)).toEqual(step);
    expect(leaves.map((l) => l.end - l.start).sort()).toEqual([5, 5]);
  });

  it('grows the largest-gain leaf first and stops at maxLeaves', () => {
    // Two steps: the jump of 100 at 7 gains more than the jump of 1 at 3.
    const y = Array.from(x, (v) => (v < 3 ? 0 : 1) + (v < 7 ? 0 : 100));
    const { tree } = grow(x, 1, y, { maxLeaves: 2 });
    expect(tree.feature.filter((f) => f >= 0)).toHaveLength(1);
    expect(tree.threshold[0]).toBeGreaterThan(6);
    expect(tree.threshold[0]).toBeLessThanOrEqual(7);
  });

  it('keeps minLeafWeight rows in every leaf', () => {
    const { leaves } = grow(
      x,
      1,
      Array.from(x, (v) => v * v),
      { minLeafWeight: 3 },
    );
    expect(Math.min(...leaves.map((l) => l.end - l.start))).toBeGreaterThanOrEqual(3);
  });

  it('picks features at random per split, the same ones for the same seed', () => {
    const random = seededRandom(3);
    const features = Float32Array.from({ length: 400 }, () => random());
    const y = Array.from({ length: 100 }, (_, i) => features[i * 4] + 2 * features[i * 4 + 3]);
    const a = grow(features, 4, y, { featureFraction: 0.5 });
    const b = grow(features, 4, y, { featureFraction: 0.5 });
    expect(a.tree).toEqual(b.tree);
    expect(new Set(a.tree.feature.filter((f) => f >= 0)).size).toBeGreaterThan(1);
  });
});
