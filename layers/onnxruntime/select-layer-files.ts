import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Lambda's names for its two CPU architectures. */
export type LayerArch = 'x86_64' | 'arm64';

export const LAYER_ARCHS: readonly LayerArch[] = ['x86_64', 'arm64'];

/** Narrows a CLI or env string to a Lambda architecture. */
export function isLayerArch(value: string): value is LayerArch {
  return LAYER_ARCHS.some((arch) => arch === value);
}

/** Maps a Lambda architecture to Node's `process.arch`, which names onnxruntime's binary folder. */
export function toNodeArch(arch: LayerArch): 'x64' | 'arm64' {
  return arch === 'x86_64' ? 'x64' : 'arm64';
}

/**
 * Packages the layer ships. onnxruntime-node's other dependencies (adm-zip, global-agent)
 * are required only by script/install.js, which downloads CUDA files at install time;
 * nothing under dist/ requires them.
 */
export const RUNTIME_PACKAGES = ['onnxruntime-node', 'onnxruntime-common'] as const;

export type RuntimePackage = (typeof RUNTIME_PACKAGES)[number];

/** Keeps the files a package needs at run time on Linux for one architecture. */
export function selectLayerFiles(files: readonly string[], arch: LayerArch): string[] {
  // dist/binding.js loads `../bin/napi-v6/${process.platform}/${process.arch}/...`, so every
  // other platform's binaries (darwin, win32, the other arch: ~240 MB) are dead weight.
  const binaryDir = `bin/napi-v6/linux/${toNodeArch(arch)}/`;
  // Lambda loads CommonJS: ESM builds, type declarations and source maps are never read.
  const runtimeJs = (file: string) =>
    file.startsWith('dist/') && !file.startsWith('dist/esm/') && !file.endsWith('.map') && !file.endsWith('.d.ts');
  return files.filter((file) => file === 'package.json' || runtimeJs(file) || file.startsWith(binaryDir)).sort();
}

/** Lists every file under a directory as sorted, `/`-separated relative paths. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Finds the real (symlink-free) root folder of an installed package, as Node resolves it from `fromDir`. */
export function resolvePackageRoot(name: RuntimePackage, fromDir: string): string {
  // onnxruntime-common's `exports` hides package.json, so resolve its entry and walk up.
  let dir = dirname(realpathSync(require.resolve(name, { paths: [fromDir] })));
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === name) return dir;
    dir = dirname(dir);
  }
  throw new Error(`Cannot find the package root of ${name} resolved from ${fromDir}`);
}

function readPackageName(manifest: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'name' in parsed ? parsed.name : undefined;
}
