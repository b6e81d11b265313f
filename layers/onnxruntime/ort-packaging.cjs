// Decides, at `sls package/deploy/offline` time, how functions get ONNX Runtime:
//   layer  — the shared `onnxruntime` Lambda layer (AWS, LocalStack Pro);
//   bundle — the same pruned files inside each function's zip (LocalStack Community runs no layers).
// Override with `--param="ort=layer|bundle"` or ORT_PACKAGING; `auto` asks the emulator on
// LOCALSTACK_PORT what it is: MiniStack and LocalStack Pro run layers, LocalStack Community doesn't.
'use strict';

const { foreignAssetPatterns, WITHOUT_ORT } = require('../../functions/function-assets.cjs');

const ARCHS = { x86_64: 'x86_64', arm64: 'arm64' };

function paramFrom(options, name) {
  const params = [].concat(options.param || []);
  const hit = params.map((p) => String(p).split('=')).find(([k]) => k === name);
  return hit ? hit.slice(1).join('=') : undefined;
}

async function getJson(url, timeoutMs) {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { ok: res.ok, body: await res.json().catch(() => ({})) };
}

/**
 * What answers on the emulator port: `{ name, edition, version, layers }`; undefined when nothing
 * answers in time. MiniStack answers `/_localstack/info` with a 404 ("Unknown LocalStack
 * endpoint", ministack/app.py `_handle_unknown_localstack_request`), so it is asked first, on its
 * own `/_ministack/health` (`{"edition": "light", "version": "1.5.33", …}`); LocalStack answers
 * that path as an S3 bucket (an error), never with a 200.
 */
async function emulatorInfo(endpoint, timeoutMs) {
  try {
    const mini = await getJson(`${endpoint}/_ministack/health`, timeoutMs);
    if (mini.ok && mini.body && typeof mini.body.services === 'object') {
      // MiniStack runs every layer on the host (ministack/core/lambda_runtime.py: extracted, on NODE_PATH).
      return { name: 'MiniStack', edition: mini.body.edition, version: mini.body.version, layers: true };
    }
    const local = await getJson(`${endpoint}/_localstack/info`, timeoutMs);
    const edition = String(local.body.edition || 'unknown');
    const layers = local.ok && /pro|enterprise|ultimate|team/i.test(edition);
    return { name: 'LocalStack', edition, version: local.body.version, layers };
  } catch {
    return undefined;
  }
}

function log(message) {
  process.stderr.write(`serverless-ml: ${message}\n`);
}

module.exports = async ({ options }) => {
  const stage = options.stage || 'dev';
  const arch = ARCHS[paramFrom(options, 'arch') || process.env.LAMBDA_ARCH || 'x86_64'];
  if (!arch) throw new Error('param "arch" (or LAMBDA_ARCH) must be x86_64 or arm64');
  const fromParam = paramFrom(options, 'ort');
  const requested = fromParam || process.env.ORT_PACKAGING || 'auto';
  if (!['auto', 'layer', 'bundle'].includes(requested)) {
    const source = fromParam ? 'param "ort"' : 'ORT_PACKAGING';
    throw new Error(`${source} must be auto, layer or bundle (got "${requested}")`);
  }
  let info;
  if (stage === 'local') {
    const endpoint = `http://localhost:${process.env.LOCALSTACK_PORT || '4566'}`;
    info = await emulatorInfo(endpoint, 1500);
    // Fail a deploy in seconds, whatever the packaging, rather than after osls's retries.
    if (!info && process.argv.includes('deploy')) {
      throw new Error(
        `No emulator (MiniStack or LocalStack) is running at ${endpoint}. Start one — \`pnpm emulator\` ` +
          '(MiniStack, no Docker), or `localstack start -d` — and deploy again; or run everything ' +
          'on the embedded stack: `pnpm start`.',
      );
    }
  }
  let mode = requested;
  let why = fromParam ? 'param "ort"' : 'ORT_PACKAGING';
  if (requested === 'auto' && stage !== 'local') {
    mode = 'layer';
    why = `stage "${stage}" deploys to AWS, which runs layers`;
  } else if (requested === 'auto') {
    mode = info?.layers ? 'layer' : 'bundle';
    why = info
      ? `${info.name}${info.version ? ` ${info.version}` : ''} (${info.edition} edition) ${info.layers ? 'runs' : 'runs no'} Lambda layers`
      : 'no emulator answered, assuming LocalStack Community';
  }
  // `sls offline` and `sls invoke local` run the sources: what zips would hold is noise there.
  const runsLocally =
    process.argv.includes('offline') || (process.argv.includes('invoke') && process.argv.includes('local'));
  if (!runsLocally) {
    log(
      `ONNX Runtime is ${mode === 'layer' ? 'attached as the onnxruntime layer' : 'bundled into each function'} (${why}; override with --param="ort=layer|bundle")`,
    );
  }

  const layerDir = `layers/onnxruntime/build/${arch}/nodejs/node_modules`;
  const layer = mode === 'layer';
  return {
    mode,
    arch,
    // What answered on LOCALSTACK_PORT (stage local): ./packages/emulator/src/ministack-endpoints.cjs reads it.
    emulator: info ? { name: info.name, edition: info.edition, version: info.version || '' } : {},
    layers: layer
      ? {
          onnxruntime: {
            package: { artifact: `layers/onnxruntime/dist/onnxruntime-${arch}.zip` },
            description: 'onnxruntime-node (CPU, Linux only) for Node.js functions',
            compatibleRuntimes: ['nodejs22.x'],
            compatibleArchitectures: [arch],
          },
        }
      : {},
    functionLayers: layer ? [{ Ref: 'OnnxruntimeLambdaLayer' }] : [],
    // Bundled: the layer's files ship inside the function; the loader finds them by this path.
    environment: layer ? {} : { ORT_MODULE_DIR: `/var/task/${layerDir}` },
    // Per function: the bundled runtime (if any, and if it uses it) and no other function's assets.
    patterns: Object.fromEntries(
      Object.entries(foreignAssetPatterns()).map(([fn, exclusions]) => [
        fn,
        [...(layer || WITHOUT_ORT.includes(fn) ? [] : [`${layerDir}/**`]), ...exclusions],
      ]),
    ),
  };
};
