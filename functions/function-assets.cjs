// Files the esbuild plugins write next to a bundled handler (see esbuild-plugins.cjs).
// serverless-esbuild packs everything in its build folder into every function's zip, except
// other functions' handlers, so each function excludes the others' assets explicitly.
'use strict';

const ASSETS = {
  'ml-train': ['functions/ml-train/src/libsvm.wasm'],
  'rain-forecast': ['functions/rain-forecast/src/cities.gaz'],
};

// The functions that load ONNX Runtime (from the layer, or bundled into their zip).
const WITH_ORT = ['ml-train', 'ml-predict', 'rain-forecast', 'nearest-store', 'invocations', 'batch-shard'];

// Functions that never load it (they read and write S3, call Step Functions, serve a document or
// the console's built files): when the runtime is bundled, they must not carry its ~20 MB of files.
const WITHOUT_ORT = [
  'model-registry',
  'api-docs',
  'training-validate',
  'training-evaluate',
  'training-promote',
  'jobs',
  'batch',
  'batch-plan',
  'batch-manifest',
  'web-console',
];

const FUNCTIONS = [...WITH_ORT, ...WITHOUT_ORT];

/** Exclusion patterns per function: every asset that belongs to another function. */
function foreignAssetPatterns() {
  return Object.fromEntries(
    FUNCTIONS.map((fn) => [
      fn,
      Object.entries(ASSETS)
        .filter(([owner]) => owner !== fn)
        .flatMap(([, files]) => files.map((file) => `!${file}`)),
    ]),
  );
}

module.exports = { FUNCTIONS, foreignAssetPatterns, WITHOUT_ORT };
