import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_DIR } from './digits-data';

/**
 * Bundles ml-predict's handler the way serverless.yml's `custom.esbuild` does (bundle, minify,
 * CommonJS for Node, onnxruntime-node left out because it comes from the layer). Returns the file.
 */
export async function bundlePredictHandler(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'handler.js');
  await build({
    entryPoints: [path.join(REPO_DIR, 'functions/ml-predict/src/handler.ts')],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'node',
    format: 'cjs',
    // serverless.yml says node22 (Lambda's runtime); this box's Node must be able to run the output.
    target: `node${process.versions.node.split('.')[0]}`,
    external: ['onnxruntime-node'],
    logLevel: 'silent',
  });
  return outfile;
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
