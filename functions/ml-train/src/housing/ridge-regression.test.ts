import { solveCholesky, trainRidge } from './ridge-regression';

describe('solveCholesky', () => {
  it('solves a symmetric positive definite system', () => {
    // [4 2; 2 3] x = [2; 1] → x = [0.5, 0]
    const x = solveCholesky(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]));
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });

  it('refuses a singular matrix', () => {
    expect(() => solveCholesky(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]))).toThrow(RangeError);
  });
});

describe('trainRidge', () => {
  it('recovers an exact linear relation when alpha is tiny', () => {
    const features = Float32Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? i : (i * 7) % 13));
    const target = Float64Array.from({ length: 100 }, (_, r) => 1000 + 3 * features[2 * r] - 5 * features[2 * r + 1]);
    const model = trainRidge({ count: 100, featureCount: 2, features, target }, { alpha: 1e-9 }, () => {});
    const perUnit = Array.from(model.weights, (w, f) => w / model.scaler.scale[f]);
    expect(perUnit[0]).toBeCloseTo(3, 3);
    expect(perUnit[1]).toBeCloseTo(-5, 3);
  });
});
