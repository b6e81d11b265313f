import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  isLayerArch,
  type LayerArch,
  listFiles,
  RUNTIME_PACKAGES,
  resolvePackageRoot,
  selectLayerFiles,
} from './select-layer-files';
import { writeDeterministicZip } from './write-deterministic-zip';

export { type LayerArch, selectLayerFiles, toNodeArch } from './select-layer-files';

const BUILD_SCRIPTS = ['build-layer.ts', 'select-layer-files.ts', 'write-deterministic-zip.ts'].map((file) =>
  join(__dirname, file),
);

export interface BuildLayerOptions {
  arch: LayerArch;
  /** Folder that receives `build/<arch>/nodejs/...` and `dist/onnxruntime-<arch>.zip`. */
  outDir: string;
  /** Rebuild even when the zip is newer than the installed packages. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface LayerBuildResult {
  arch: LayerArch;
  /** Layer root: its `nodejs/node_modules` is what Lambda mounts under /opt. */
  layerDir: string;
  zipPath: string;
  fileCount: number;
  unpackedBytes: number;
  zipBytes: number;
  skipped: boolean;
}

/** Where a layer for `arch` lands inside `outDir`. */
export function layerPaths(outDir: string, arch: LayerArch): { layerDir: string; zipPath: string } {
  return { layerDir: join(outDir, 'build', arch), zipPath: join(outDir, 'dist', `onnxruntime-${arch}.zip`) };
}

/** Copies the runtime files of onnxruntime-node for one Linux arch into a layer folder and zips it. */
export async function buildLayer({
  arch,
  outDir,
  force = false,
  log = () => {},
}: BuildLayerOptions): Promise<LayerBuildResult> {
  const { layerDir, zipPath } = layerPaths(outDir, arch);
  const nodeRoot = resolvePackageRoot('onnxruntime-node', __dirname);
  // Resolve common from node's real folder: that is the copy node's dist/ loads under pnpm.
  const roots = {
    'onnxruntime-node': nodeRoot,
    'onnxruntime-common': resolvePackageRoot('onnxruntime-common', nodeRoot),
  };

  // The scripts count as inputs too: changing what is kept must invalidate the zip.
  const inputs = [...Object.values(roots).map((root) => join(root, 'package.json')), ...BUILD_SCRIPTS];
  if (!force && isUpToDate(zipPath, layerDir, inputs)) {
    log(`${zipPath} is newer than the installed onnxruntime-node; skipping (use --force to rebuild)`);
    return summarise(arch, layerDir, zipPath, true);
  }

  rmSync(layerDir, { recursive: true, force: true });
  for (const name of RUNTIME_PACKAGES) {
    const files = selectLayerFiles(listFiles(roots[name]), arch);
    if (name === 'onnxruntime-node' && !files.some((file) => file.endsWith('.node'))) {
      throw new Error(`No linux/${arch} binary found in ${roots[name]}: has the bin/ layout changed?`);
    }
    log(`copying ${files.length} files of ${name} from ${roots[name]}`);
    for (const file of files) {
      const target = join(layerDir, 'nodejs', 'node_modules', name, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(roots[name], file), target);
    }
  }

  log(`zipping ${layerDir} -> ${zipPath}`);
  mkdirSync(dirname(zipPath), { recursive: true });
  await writeDeterministicZip(layerDir, listFiles(layerDir), zipPath);
  return summarise(arch, layerDir, zipPath, false);
}

function isUpToDate(zipPath: string, layerDir: string, inputs: readonly string[]): boolean {
  // The unpacked folder must exist too: LocalStack deployments bundle it instead of the zip.
  if (
    !existsSync(zipPath) ||
    !existsSync(join(layerDir, 'nodejs', 'node_modules', 'onnxruntime-node', 'package.json'))
  ) {
    return false;
  }
  const zipTime = statSync(zipPath).mtimeMs;
  return inputs.every((input) => statSync(input).mtimeMs < zipTime);
}

function summarise(arch: LayerArch, layerDir: string, zipPath: string, skipped: boolean): LayerBuildResult {
  const files = listFiles(layerDir);
  const unpackedBytes = files.reduce((sum, file) => sum + statSync(join(layerDir, file)).size, 0);
  return { arch, layerDir, zipPath, fileCount: files.length, unpackedBytes, zipBytes: statSync(zipPath).size, skipped };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function parseCli(argv: readonly string[]): { arch: LayerArch; force: boolean } {
  const { values } = parseArgs({
    args: [...argv],
    options: { arch: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const arch = values.arch ?? process.env.LAYER_ARCH ?? 'x86_64';
  if (!isLayerArch(arch)) throw new Error(`--arch must be x86_64 or arm64, got "${arch}"`);
  return { arch, force: values.force ?? false };
}

async function main(): Promise<void> {
  const { arch, force } = parseCli(process.argv.slice(2));
  const result = await buildLayer({ arch, outDir: __dirname, force, log: (line) => console.log(`[layer] ${line}`) });
  console.log(
    `[layer] ${result.skipped ? 'up to date' : 'built'}: arch=${result.arch} files=${result.fileCount} ` +
      `unpacked=${megabytes(result.unpackedBytes)} zip=${megabytes(result.zipBytes)} -> ${result.zipPath}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[layer] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
