import { confusionMatrixSpec } from './confusion-matrix';
import { predictedVsActualSpec, residualsByDecileSpec } from './regression-plots';
import { renderSvg, roundGeometry } from './render-svg';

const matrix = [
  [5, 1, 0],
  [0, 4, 2],
  [1, 0, 6],
];

describe('renderSvg', () => {
  it('renders a spec to an SVG document with its title and axis titles', async () => {
    const svg = await renderSvg(confusionMatrixSpec({ classes: [0, 1, 2], matrix }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Confusion matrix');
    expect(svg).toContain('Predicted label');
    expect(svg).toContain('True label');
  });

  it('gives the same bytes for the same spec, whatever was rendered before or alongside', async () => {
    const spec = confusionMatrixSpec({ classes: [0, 1, 2], matrix });
    const first = await renderSvg(spec);
    const [, again] = await Promise.all([
      renderSvg(
        confusionMatrixSpec({
          classes: [0, 1],
          matrix: [
            [1, 2],
            [3, 4],
          ],
        }),
      ),
      renderSvg(spec),
    ]);
    expect(again).toBe(first);
    expect(first).toMatch(/id="gradient_0"/);
  });

  it('renders the regression plots with their axis titles', async () => {
    const results = {
      actual: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      predicted: [1, 3, 2, 5, 4, 6, 8, 7, 10, 9],
      target: 'y (m)',
    };
    const scatter = await renderSvg(predictedVsActualSpec(results));
    expect(scatter).toContain('Actual y (m)');
    expect(scatter).toContain('Predicted y (m)');
    const deciles = await renderSvg(residualsByDecileSpec(results));
    expect(deciles).toContain('Residual, y (m)');
    expect(deciles).toContain('Decile of predicted y (m) (1 = lowest)');
  });

  it('rounds coordinates in geometry to 2 decimals and leaves text alone', () => {
    const svg = '<path transform="translate(457.5010560658801,-0.0001)" d="M1.8712,0L2,3"/><text x="1">0.72451</text>';
    expect(roundGeometry(svg)).toBe('<path transform="translate(457.5,0)" d="M1.87,0L2,3"/><text x="1">0.72451</text>');
  });

  it('rejects a spec vega-lite cannot compile, and keeps rendering afterwards', async () => {
    await expect(renderSvg({ title: 'Broken', mark: 'nope' } as never)).rejects.toThrow(
      /^vega-lite could not compile the plot "Broken": /,
    );
    await expect(renderSvg(confusionMatrixSpec({ classes: [0], matrix: [[1]] }))).resolves.toContain('<svg');
  });
});
