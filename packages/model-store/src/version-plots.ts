import { NotFoundError } from '@serverless-ml/errors';
import type { ModelMetadata, PlotRecord } from './model-contract';
import { checkModelName, checkPlotId, checkVersionId } from './model-names';
import type { ModelStore } from './model-store';
import { ModelIntegrityError, unknownModel, unknownVersion } from './registry-errors';
import { readVersionState, verifyModelBytes } from './version-integrity';

/** A version's plot as the registry lists it: `url` is the HTTP API's path to its SVG. */
export interface PlotLink {
  id: string;
  title: string;
  url: string;
}

/** The API path of a stored plot: `/models/{name}/versions/{version}/plots/{id}.svg`. */
export function plotUrl(model: string, version: string, id: string): string {
  return `/models/${model}/versions/${version}/plots/${id}.svg`;
}

/** The plots a version's metadata lists, as links (none for versions trained before plots were made). */
export function plotLinks(model: string, version: string, metadata: Pick<ModelMetadata, 'plots'>): PlotLink[] {
  return (metadata.plots ?? []).map(({ id, title }) => ({ id, title, url: plotUrl(model, version, id) }));
}

/**
 * One plot of a version, its bytes checked against the size and sha256 its metadata.json recorded.
 * NotFoundError (404) for an unknown model, version or plot; ModelIntegrityError (409) when the
 * version's metadata is invalid or the SVG is missing or is not the file that was published.
 */
export async function readPlot(
  store: ModelStore,
  model: string,
  version: string,
  id: string,
): Promise<{ plot: PlotRecord; svg: Uint8Array }> {
  checkModelName(model);
  checkVersionId(version);
  checkPlotId(id);
  const read = await readVersionState(store, model, version);
  if (read.state === 'invalid') throw new ModelIntegrityError(`refusing ${model}@${version}: ${read.problem}`);
  if (read.state === 'incomplete') {
    if ((await store.versionFiles(model, version)).length > 0) {
      throw new NotFoundError(`${model}@${version} has no plots: ${read.problem}`);
    }
    const known = await store.versions(model);
    if (known.length === 0 && !(await store.latest(model))) throw unknownModel(model, await store.models());
    throw unknownVersion(model, version);
  }
  const plots = read.metadata.plots ?? [];
  const plot = plots.find((p) => p.id === id);
  if (!plot) {
    const listed = plots.length
      ? `its plots: ${plots.map((p) => p.id).join(', ')}`
      : 'it has none (trained before plots were made)';
    throw new NotFoundError(`${model}@${version} has no plot "${id}" (${listed})`);
  }
  const artifact = read.metadata.artifacts.find((a) => a.name === plot.file);
  // The contract makes every listed plot an artifact; checked again so a bypass cannot serve unchecked bytes.
  if (!artifact) throw new ModelIntegrityError(`refusing ${model}@${version}: ${plot.file} is not among its artifacts`);
  const bytes = await store.versionFile(model, version, plot.file);
  try {
    return { plot, svg: verifyModelBytes(bytes, artifact, `its ${plot.file}`) };
  } catch (error) {
    throw new ModelIntegrityError(`refusing ${model}@${version}: ${(error as Error).message}`);
  }
}
