import type { TopLevelSpec } from 'vega-lite';
import { vegaTextWidth } from './text-width';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let libraries: Promise<[Vega, VegaLite]> | undefined;

/**
 * Vega and Vega-Lite are ESM-only; loaded once, on first use, so code that never draws (a server
 * importing this package for a type) pays nothing. The dynamic import also lets plain Node load
 * vega-canvas's node build, whose top-level await a `require` refuses.
 */
export function loadVega(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    useHelveticaWidths(vega);
    return [vega, vegaLite];
  });
  return libraries;
}

/** Plugs our text widths into vega-scenegraph's `textMetrics` (exported by vega, absent from its typings). */
function useHelveticaWidths(vega: object): void {
  if (!('textMetrics' in vega) || typeof vega.textMetrics !== 'object' || vega.textMetrics === null) {
    throw new Error('this vega exports no textMetrics: text widths cannot be set');
  }
  Object.assign(vega.textMetrics, { width: vegaTextWidth });
}

// Renders run one at a time: vega numbers clip paths and gradients with module-wide counters,
// reset before each render, so two renders interleaved would number each other's ids.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Renders a Vega-Lite spec to an SVG document in Node, with no browser and no canvas (text
 * widths are estimated, not measured, so the bytes are the same on every machine).
 */
export function renderSvg(spec: TopLevelSpec): Promise<string> {
  const run = queue.then(async () => {
    const [vega, vegaLite] = await loadVega();
    let compiled: ReturnType<VegaLite['compile']>['spec'];
    try {
      compiled = vegaLite.compile(spec).spec;
    } catch (error) {
      throw new Error(`vega-lite could not compile the plot "${plotTitle(spec)}": ${(error as Error).message}`, {
        cause: error,
      });
    }
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
    vega.resetSVGDefIds();
    try {
      return `${roundGeometry(await view.toSVG())}\n`;
    } finally {
      view.finalize();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function plotTitle(spec: TopLevelSpec): string {
  const title = 'title' in spec ? spec.title : undefined;
  if (typeof title === 'string') return title;
  return title && typeof title === 'object' && 'text' in title ? String(title.text) : 'untitled';
}

/**
 * Coordinates in `d` and `transform` attributes to 2 decimals (1/100 px): vega writes full doubles
 * (`translate(457.5010560658801,…)`), which doubled the size of the scatter and map SVGs. Text is untouched.
 */
export function roundGeometry(svg: string): string {
  return svg.replace(/ (d|transform)="([^"]*)"/g, (_, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d{3,}(e-?\d+)?/g, (n) => String(Number(Number(n).toFixed(2))));
    return ` ${name}="${rounded}"`;
  });
}
