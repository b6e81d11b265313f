import { accuracyAt, brierScore, rocAuc } from './binary-metrics';

describe('rocAuc', () => {
  it('is 1 when every positive outranks every negative, 0 when reversed', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('counts a tie between a positive and a negative as one half', () => {
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('matches the pairwise definition on a small mixed case', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.2];
    const labels = [0, 0, 1, 1, 1, 0];
    // Pairs (positive, negative) ranked right: 0.35>{0.1,0.2}, 0.8>all 3, 0.4>{0.1,0.2} and ties 0.4 = 0.4.
    expect(rocAuc(scores, labels)).toBeCloseTo((2 + 3 + 2 + 0.5) / 9, 12);
  });

  it('throws when one class is missing', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow('both positive and negative');
  });
});

describe('accuracyAt and brierScore', () => {
  it('thresholds at ≥ and averages squared errors', () => {
    expect(accuracyAt([0.5, 0.49, 0.9, 0.1], [1, 0, 0, 0], 0.5)).toBe(0.75);
    expect(brierScore([1, 0, 0.5], [1, 1, 0])).toBeCloseTo((0 + 1 + 0.25) / 3, 12);
  });
});
