import type { TopLevelSpec } from 'vega-lite';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let libraries: Promise<[Vega, VegaLite]> | undefined;

/**
 * Vega and Vega-Lite are ESM-only; loaded once, on first use, so code that never draws (a server
 * importing this package for a type) pays nothing. The dynamic import also lets plain Node load
 * vega-canvas's node build, whose top-level await a `require` refuses.
 */
export function loadVega(): Promise<[Vega, VegaLite]> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  return libraries;
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
      return `${await view.toSVG()}\n`;
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
