import type { ModelArtifact, PlotRecord } from '@serverless-ml/model-store';
import { PLOT_CONTENT_TYPE } from '@serverless-ml/model-store/contract';
import { type PlotSpec, renderSvg } from '@serverless-ml/plots';

/** A plot a trainer asks for: its id (the file is `plots/<id>.svg`), a title for listings, the Vega-Lite spec. */
export interface PlotDraft {
  id: string;
  title: string;
  spec: PlotSpec;
}

/** The rendered plots: the SVG artifacts to publish and their records for metadata.json's `plots`. */
export interface RenderedPlots {
  artifacts: ModelArtifact[];
  plots: PlotRecord[];
}

/** Renders each plot to SVG in order (the same bytes on every run: no ids, times or randomness in them). */
export async function renderPlots(drafts: PlotDraft[], log: (message: string) => void): Promise<RenderedPlots> {
  const rendered: RenderedPlots = { artifacts: [], plots: [] };
  for (const { id, title, spec } of drafts) {
    const started = performance.now();
    const svg = await renderSvg(spec);
    const file = `plots/${id}.svg`;
    const kb = (Buffer.byteLength(svg) / 1024).toFixed(1);
    log(`[plots] ${file}: ${kb} KiB in ${Math.round(performance.now() - started)} ms`);
    rendered.artifacts.push({ name: file, body: svg, contentType: PLOT_CONTENT_TYPE });
    rendered.plots.push({ id, title, file });
  }
  return rendered;
}
