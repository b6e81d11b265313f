import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GazetteerIndex } from './gazetteer-index';

/**
 * Where the gazetteer is looked for: `file` when given (GAZETTEER_FILE), else beside the bundled
 * handler (written there by esbuild-gazetteer.cjs), else the package's build/ folder
 * (`pnpm --filter @serverless-ml/rain-forecast build`, for unbundled runs).
 */
export function gazetteerCandidates(file?: string, here: string = __dirname): string[] {
  if (file) return [file];
  return [path.join(here, 'cities.gaz'), path.resolve(here, '../../build/cities.gaz')];
}

/** Opens the first gazetteer file found; throws naming every place it looked. */
export function loadGazetteer(candidates: string[]): GazetteerIndex {
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(
      `gazetteer not found at ${candidates.join(' or ')}: bundles get it from esbuild-gazetteer.cjs; ` +
        'for unbundled runs, run `pnpm --filter @serverless-ml/rain-forecast build`',
    );
  }
  return GazetteerIndex.fromBytes(readFileSync(found));
}
