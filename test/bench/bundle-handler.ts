import { existsSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_DIR } from './digits-data';

export type BundledFunction = 'ml-predict' | 'rain-forecast' | 'nearest-store' | 'invocations';

/**
 * Bundles a function's handler the way serverless.yml's `custom.esbuild` does (bundle, minify,
 * keepNames, CommonJS for Node, onnxruntime-node left out because it comes from the layer, and
 * the plugins of functions/esbuild-plugins.cjs, which write rain-forecast's `cities.gaz` beside
 * the bundle). Writes `<outDir>/handler.js` and returns its path.
 */
export async function bundleHandler(fn: BundledFunction, outDir: string): Promise<string> {
  const plugins: Plugin[] = require(path.join(REPO_DIR, 'functions/esbuild-plugins.cjs'));
  await build({
    entryPoints: [path.join(REPO_DIR, `functions/${fn}/src/handler.ts`)],
    // outdir, not outfile: the plugins write their files into `initialOptions.outdir`.
    outdir: outDir,
    bundle: true,
    minify: true,
    keepNames: true,
    sourcemap: false,
    platform: 'node',
    format: 'cjs',
    // serverless.yml says node22 (Lambda's runtime); this box's Node must be able to run the output.
    target: `node${process.versions.node.split('.')[0]}`,
    external: ['onnxruntime-node'],
    plugins,
    logLevel: 'silent',
  });
  const handler = path.join(outDir, 'handler.js');
  if (!existsSync(handler)) throw new Error(`esbuild wrote no ${handler}`);
  return handler;
}

/**
 * Where a bundled handler finds onnxruntime-node: the pruned layer folder when `pnpm build:layer`
 * has run (what Lambda puts on NODE_PATH from /opt/nodejs/node_modules), else the workspace's copy.
 */
export function ortNodePath(): { dir: string; source: 'layer' | 'workspace' } {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x86_64';
  const layer = path.join(REPO_DIR, `layers/onnxruntime/build/${arch}/nodejs/node_modules`);
  if (existsSync(path.join(layer, 'onnxruntime-node/package.json'))) return { dir: layer, source: 'layer' };
  return { dir: path.join(REPO_DIR, 'node_modules'), source: 'workspace' };
}
