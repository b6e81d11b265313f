// vega-canvas's `node` build top-level-awaits an optional `canvas` package, which a CommonJS
// bundle cannot hold (esbuild refuses top-level await in cjs). Its browser build is the same
// without node-canvas: plots are rendered to SVG with our own text widths, never on a canvas.
'use strict';

const path = require('node:path');

const vegaCanvasBrowser = {
  name: 'vega-canvas-browser',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, (args) => {
      const nodeBuild = require.resolve('vega-canvas', { paths: [args.resolveDir] });
      return { path: path.join(path.dirname(nodeBuild), 'vega-canvas.browser.js') };
    });
  },
};

module.exports = [vegaCanvasBrowser];
