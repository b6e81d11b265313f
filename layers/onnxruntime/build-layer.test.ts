import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import { buildLayer, type LayerBuildResult } from './build-layer';
import { extractZip, readZipEntries } from './read-zip';
import { listFiles, resolvePackageRoot, selectLayerFiles } from './select-layer-files';
import { writeDeterministicZip } from './write-deterministic-zip';

const MB = 1e6;

/** Y = MatMul(X, W) + B over 2x2 float32 tensors: small enough to check by hand. */
function matMulAddModel(): Uint8Array {
  const floatTensor = (name: string, dims: number[], floatData: number[]): onnx.ITensorProto => ({
    name,
    dims,
    dataType: onnx.TensorProto.DataType.FLOAT,
    floatData,
  });
  const valueInfo = (name: string): onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimValue: 2 }, { dimValue: 2 }] } },
    },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'matmul-add',
      node: [
        { opType: 'MatMul', input: ['X', 'W'], output: ['XW'] },
        { opType: 'Add', input: ['XW', 'B'], output: ['Y'] },
      ],
      initializer: [floatTensor('W', [2, 2], [1, 0, 0.5, -1]), floatTensor('B', [2], [10, 20])],
      input: [valueInfo('X')],
      output: [valueInfo('Y')],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

// Runs in a plain `node`, outside jest's sandbox, the way Lambda loads /opt/nodejs/node_modules.
const RUN_MODEL_SCRIPT = `
const ort = require('onnxruntime-node');
(async () => {
  const session = await ort.InferenceSession.create(process.argv[2]);
  const x = new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4]), [2, 2]);
  const { Y } = await session.run({ X: x });
  const loaded = Object.keys(require.cache).filter((file) => file.includes('node_modules'));
  console.log(JSON.stringify({ resolved: require.resolve('onnxruntime-node'), loaded, dims: Y.dims, y: Array.from(Y.data) }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('selectLayerFiles', () => {
  it('keeps package.json, dist/ and only the linux binaries of the requested arch', () => {
    const files = [
      'README.md',
      'package.json',
      'dist/index.js',
      'script/install.js',
      'bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'bin/napi-v6/linux/arm64/onnxruntime_binding.node',
      'bin/napi-v6/darwin/arm64/onnxruntime_binding.node',
      'bin/napi-v6/win32/x64/onnxruntime.dll',
    ];

    expect(selectLayerFiles(files, 'arm64')).toEqual([
      'bin/napi-v6/linux/arm64/onnxruntime_binding.node',
      'dist/index.js',
      'package.json',
    ]);
    expect(selectLayerFiles(files, 'x86_64')).toEqual([
      'bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'dist/index.js',
      'package.json',
    ]);
  });

  it('picks only linux/arm64 binaries from the installed onnxruntime-node for arm64', () => {
    const installed = listFiles(resolvePackageRoot('onnxruntime-node', __dirname));

    const binaries = selectLayerFiles(installed, 'arm64').filter((file) => file.startsWith('bin/'));

    expect(binaries).toEqual(expect.arrayContaining([expect.stringMatching(/onnxruntime_binding\.node$/)]));
    expect(binaries.every((file) => file.startsWith('bin/napi-v6/linux/arm64/'))).toBe(true);
  });
});

describe('writeDeterministicZip', () => {
  it('writes identical bytes for identical content whatever the files on disk are dated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-determinism-'));
    mkdirSync(join(dir, 'src', 'lib'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.js'), 'a');
    writeFileSync(join(dir, 'src', 'lib', 'b.so.1'), 'b');
    const files = ['lib/b.so.1', 'a.js'];

    await writeDeterministicZip(join(dir, 'src'), files, join(dir, 'first.zip'));
    utimesSync(join(dir, 'src', 'a.js'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await writeDeterministicZip(join(dir, 'src'), [...files].reverse(), join(dir, 'second.zip'));

    expect(readFileSync(join(dir, 'second.zip')).equals(readFileSync(join(dir, 'first.zip')))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('buildLayer (x86_64)', () => {
  let workDir: string;
  let result: LayerBuildResult;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'layer-build-'));
    result = await buildLayer({ arch: 'x86_64', outDir: join(workDir, 'out'), force: true });
  }, 30_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('stays within 20 MB zipped and 50 MB unpacked', () => {
    expect(result.zipBytes).toBeLessThanOrEqual(20 * MB);
    expect(result.unpackedBytes).toBeLessThanOrEqual(50 * MB);
  });

  it('zips exactly the layer folder under nodejs/node_modules, with linux x64 binaries only', async () => {
    const entries = await readZipEntries(result.zipPath);
    const files = entries.filter((entry) => !entry.isDirectory).map((entry) => entry.name);
    const binaries = files.filter((name) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(name));

    expect(files.sort()).toEqual(listFiles(result.layerDir));
    expect(files.every((name) => /^nodejs\/node_modules\/onnxruntime-(node|common)\//.test(name))).toBe(true);
    expect(binaries.sort()).toEqual([
      'nodejs/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'nodejs/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    ]);
    expect(files.some((name) => /darwin|win32|arm64|adm-zip|global-agent/.test(name))).toBe(false);
  });

  it('skips the rebuild when the zip is newer than the installed package', async () => {
    const again = await buildLayer({ arch: 'x86_64', outDir: join(workDir, 'out') });

    expect(again.skipped).toBe(true);
    expect(again.zipBytes).toBe(result.zipBytes);
  });

  it('loads onnxruntime-node from the unzipped layer alone and runs a model', async () => {
    const optDir = join(workDir, 'opt');
    const cwd = join(workDir, 'cwd');
    mkdirSync(cwd);
    await extractZip(result.zipPath, optDir);
    writeFileSync(join(cwd, 'model.onnx'), matMulAddModel());
    writeFileSync(join(cwd, 'run-model.cjs'), RUN_MODEL_SCRIPT);
    const layerModules = join(optDir, 'nodejs', 'node_modules');

    // A temp cwd and a bare env leave NODE_PATH as the only way to find the package.
    const child = spawnSync(process.execPath, ['run-model.cjs', 'model.onnx'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: cwd, NODE_PATH: layerModules },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const output: { resolved: string; loaded: string[]; dims: number[]; y: number[] } = JSON.parse(child.stdout);
    expect(output.resolved.startsWith(`${layerModules}/onnxruntime-node/`)).toBe(true);
    expect(output.loaded.length).toBeGreaterThan(0);
    expect(output.loaded.filter((file) => !file.startsWith(layerModules))).toEqual([]);
    expect(output.dims).toEqual([2, 2]);
    expect(output.y).toEqual([12, 18, 15, 16]);
  });
});
