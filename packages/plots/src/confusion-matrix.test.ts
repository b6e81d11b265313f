import { confusionMatrixSpec } from './confusion-matrix';

describe('confusionMatrixSpec', () => {
  const data = {
    classes: [0, 1, 2],
    matrix: [
      [5, 1, 0],
      [0, 4, 2],
      [1, 0, 6],
    ],
  };

  it('has one cell per (true, predicted) pair with its count, in class order', () => {
    const spec = confusionMatrixSpec(data) as { data: unknown; encoding: object };
    const values = (spec.data as { values: { actual: string; predicted: string; count: number }[] }).values;
    expect(values).toHaveLength(9);
    expect(values[1]).toEqual({ actual: '0', predicted: '1', count: 1 });
    expect(values[5]).toEqual({ actual: '1', predicted: '2', count: 2 });
    expect(JSON.stringify(spec.encoding)).toContain('"sort":["0","1","2"]');
  });

  it('labels both axes and gives the share correct in the subtitle', () => {
    const spec = confusionMatrixSpec(data) as { encoding: { x: object; y: object }; title: unknown };
    expect(spec.encoding.x).toMatchObject({ field: 'predicted', title: 'Predicted label' });
    expect(spec.encoding.y).toMatchObject({ field: 'actual', title: 'True label' });
    expect(spec.title).toEqual({ text: 'Confusion matrix', subtitle: '15 of 19 test images correct (78.9%)' });
  });

  it('refuses a matrix that does not match the classes', () => {
    expect(() => confusionMatrixSpec({ classes: [0, 1, 2], matrix: [[1, 2]] })).toThrow(
      'a confusion matrix for 3 classes needs 3×3 counts',
    );
  });
});
