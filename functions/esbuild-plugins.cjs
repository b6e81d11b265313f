// serverless-esbuild takes one plugins file: this gathers each function's own plugins.
'use strict';

module.exports = [
  ...require('./ml-train/esbuild-copy-wasm.cjs'),
  ...require('./ml-train/esbuild-vega-canvas.cjs'),
  ...require('./rain-forecast/esbuild-gazetteer.cjs'),
  ...require('./web-console/esbuild-console-assets.cjs'),
];
