// Decides, at `sls package/deploy/offline` time, how functions get ONNX Runtime:
//   layer  — the shared `onnxruntime` Lambda layer (AWS, LocalStack Pro);
//   bundle — the same pruned files inside each function's zip (LocalStack Community runs no layers).
// Override with `--param="ort=layer|bundle"` or ORT_PACKAGING; `auto` asks LocalStack its edition.
'use strict';

const http = require('node:http');

const ARCHS = { x86_64: 'x86_64', arm64: 'arm64' };

function paramFrom(options, name) {
  const params = [].concat(options.param || []);
  const hit = params.map((p) => String(p).split('=')).find(([k]) => k === name);
  return hit ? hit.slice(1).join('=') : undefined;
}

function localstackInfo(endpoint, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(`${endpoint}/_localstack/info`, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          resolve({ edition: 'unknown' });
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

function log(message) {
  process.stderr.write(`serverless-ml: ${message}\n`);
}

module.exports = async ({ options }) => {
  const stage = options.stage || 'dev';
  const arch = ARCHS[paramFrom(options, 'arch') || process.env.LAMBDA_ARCH || 'x86_64'];
  if (!arch) throw new Error('param "arch" must be x86_64 or arm64');
  const requested = paramFrom(options, 'ort') || process.env.ORT_PACKAGING || 'auto';
  if (!['auto', 'layer', 'bundle'].includes(requested)) {
    throw new Error(`param "ort" must be auto, layer or bundle (got "${requested}")`);
  }
  let mode = requested;
  let why = 'requested';
  if (requested === 'auto') {
    if (stage !== 'local') {
      mode = 'layer';
      why = `stage "${stage}" deploys to AWS, which runs layers`;
    } else {
      const endpoint = `http://localhost:${process.env.LOCALSTACK_PORT || '4566'}`;
      const info = await localstackInfo(endpoint, 1500);
      const deploying = process.argv.includes('deploy');
      if (!info && deploying) {
        throw new Error(
          `LocalStack is not running at ${endpoint}. Start it (\`localstack start -d\`, or ` +
            '`docker run -d -p 4566:4566 localstack/localstack`) and deploy again — or run everything ' +
            'without Docker on the embedded stack: `pnpm start`.',
        );
      }
      const pro = info && /pro|enterprise|ultimate|team/i.test(String(info.edition));
      mode = pro ? 'layer' : 'bundle';
      why = info
        ? `LocalStack ${info.edition || 'unknown'} edition${pro ? '' : ' runs no Lambda layers'}`
        : 'no LocalStack answered, assuming Community';
    }
  }
  log(
    `ONNX Runtime is ${mode === 'layer' ? 'attached as the onnxruntime layer' : 'bundled into each function'} (${why}; override with --param="ort=layer|bundle")`,
  );

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
    patterns: layer ? [] : [`${layerDir}/**`],
  };
};
