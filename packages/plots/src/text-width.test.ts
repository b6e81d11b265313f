import { helveticaWidth, vegaTextWidth } from './text-width';

describe('helveticaWidth', () => {
  it('measures with Helvetica advance widths: narrow i, wide W, digits alike', () => {
    expect(helveticaWidth('i', 10)).toBeCloseTo(2.22);
    expect(helveticaWidth('W', 10)).toBeCloseTo(9.44);
    expect(helveticaWidth('0123456789', 12)).toBeCloseTo(66.72);
    expect(helveticaWidth('Ab', 10, true)).toBeGreaterThan(helveticaWidth('Ab', 10));
  });

  it('is what vega gets for a text item, lines joined, at the item font size (vega default 11)', () => {
    expect(vegaTextWidth({ text: 'AUC', fontSize: 16 })).toBeCloseTo(helveticaWidth('AUC', 16));
    expect(vegaTextWidth({ text: ['a', 'b'] })).toBeCloseTo(helveticaWidth('a b', 11));
    expect(vegaTextWidth({ fontWeight: 'bold', fontSize: 10 }, 'x')).toBeCloseTo(helveticaWidth('x', 10, true));
  });
});
