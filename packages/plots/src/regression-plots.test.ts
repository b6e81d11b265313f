import { MAX_SCATTER_POINTS, predictedVsActualSpec, residualDeciles, residualsByDecileSpec } from './regression-plots';

const results = (n: number) => ({
  actual: Array.from({ length: n }, (_, i) => i * 10),
  predicted: Array.from({ length: n }, (_, i) => i * 10 + (i % 2 === 0 ? 5 : -5)),
  target: 'value (USD)',
});

describe('residualDeciles', () => {
  it('splits rows into ten groups by prediction and summarises actual − predicted in each', () => {
    const deciles = residualDeciles(results(100));
    expect(deciles).toHaveLength(10);
    expect(deciles[0]).toMatchObject({ decile: 1, count: 10, mean: 0, q10: -5, q90: 5, predictedFrom: 5 });
    expect(deciles[9]).toMatchObject({ decile: 10, count: 10, predictedTo: 985 });
  });

  it('refuses predictions that do not match the rows', () => {
    expect(() => residualDeciles({ actual: [1, 2], predicted: [1], target: 'x' })).toThrow('1 predictions for 2 rows');
  });
});

describe('predictedVsActualSpec', () => {
  it('keeps every row when there are few, and samples evenly past the limit, saying so', () => {
    const few = predictedVsActualSpec(results(50));
    expect(JSON.stringify(few.title)).toContain('50 test rows;');
    const many = predictedVsActualSpec(results(4128));
    const layer = (many as { layer: { data: { values: unknown[] } }[] }).layer;
    expect(layer[0].data.values).toHaveLength(MAX_SCATTER_POINTS);
    expect(JSON.stringify(many.title)).toContain('1,000 of 4,128 test rows, evenly sampled');
  });

  it('labels the axes with the target and draws y = x over the whole range', () => {
    const spec = predictedVsActualSpec(results(10)) as { layer: { data: { values: unknown[] }; encoding: object }[] };
    expect(JSON.stringify(spec.layer[0].encoding)).toContain('"title":"Actual value (USD)"');
    expect(JSON.stringify(spec.layer[0].encoding)).toContain('"title":"Predicted value (USD)"');
    expect(spec.layer[1].data.values).toEqual([
      { actual: 0, predicted: 0 },
      { actual: 90, predicted: 90 },
    ]);
  });
});

describe('residualsByDecileSpec', () => {
  it('plots the ten deciles with a residual axis named after the target', () => {
    const spec = residualsByDecileSpec(results(100)) as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer[0].data.values).toHaveLength(10);
    expect(JSON.stringify(spec)).toContain('"title":"Residual, value (USD)"');
    expect(JSON.stringify(spec)).toContain('Decile of predicted value (USD) (1 = lowest)');
  });
});
