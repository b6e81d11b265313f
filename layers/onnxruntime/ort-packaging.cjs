// Decides, at `sls package/deploy/offline` time, how functions get ONNX Runtime:
//   layer  — the shared `onnxruntime` Lambda layer (AWS, LocalStack Pro);
//   bundle — the same pruned files inside each function's zip (LocalStack Community runs no layers).
// Override with `--param="ort=layer|bundle"` or ORT_PACKAGING; `auto` asks LocalStack its edition.
'use strict';

const { foreignAssetPatterns, WITHOUT_ORT } = require('../../functions/function-assets.cjs');

const ARCHS = { x86_64: 'x86_64', arm64: 'arm64' };

function paramFrom(options, name) {
  const params = [].concat(options.param || []);
  const hit = params.map((p) => String(p).split('=')).find(([k]) => k === name);
  return hit ? hit.slice(1).join('=') : undefined;
}

/** LocalStack's `/_localstack/info` (edition, version); undefined when nothing answers in time. */
async function localstackInfo(endpoint, timeoutMs) {
  try {
    const res = await fetch(`${endpoint}/_localstack/info`, { signal: AbortSignal.timeout(timeoutMs) });
    return await res.json().catch(() => ({ edition: 'unknown' }));
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
    info = await localstackInfo(endpoint, 1500);
    // Fail a deploy in seconds, whatever the packaging, rather than after osls's retries.
    if (!info && process.argv.includes('deploy')) {
      throw new Error(
        `LocalStack is not running at ${endpoint}. Start it (\`localstack start -d\`, or ` +
          '`docker run -d -p 4566:4566 localstack/localstack`) and deploy again — or run everything ' +
          'without Docker on the embedded stack: `pnpm start`.',
      );
    }
  }
  let mode = requested;
  let why = fromParam ? 'param "ort"' : 'ORT_PACKAGING';
  if (requested === 'auto' && stage !== 'local') {
    mode = 'layer';
    why = `stage "${stage}" deploys to AWS, which runs layers`;
  } else if (requested === 'auto') {
    const pro = info && /pro|enterprise|ultimate|team/i.test(String(info.edition));
    mode = pro ? 'layer' : 'bundle';
    why = info
      ? `LocalStack ${info.edition || 'unknown'} edition${pro ? '' : ' runs no Lambda layers'}`
      : 'no LocalStack answered, assuming Community';
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
