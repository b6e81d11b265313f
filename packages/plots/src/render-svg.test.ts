import { confusionMatrixSpec } from './confusion-matrix';
import { renderSvg } from './render-svg';

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

  it('rejects a spec vega-lite cannot compile, and keeps rendering afterwards', async () => {
    await expect(renderSvg({ title: 'Broken', mark: 'nope' } as never)).rejects.toThrow(
      /^vega-lite could not compile the plot "Broken": /,
    );
    await expect(renderSvg(confusionMatrixSpec({ classes: [0], matrix: [[1]] }))).resolves.toContain('<svg');
  });
});
