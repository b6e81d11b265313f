// libsvm-js loads `libsvm.wasm` from beside its own file at run time (`${__dirname}/libsvm.wasm`).
// Once bundled, __dirname is the handler's folder, so the .wasm file must be copied there.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const copyLibsvmWasm = {
  name: 'copy-libsvm-wasm',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const entries = [].concat(build.initialOptions.entryPoints || []);
      const outdir = build.initialOptions.outdir;
      const wasm = path.join(
        path.dirname(require.resolve('libsvm-js/package.json', { paths: [path.join(__dirname)] })),
        'out/wasm/libsvm.wasm',
      );
      for (const entry of entries.map((e) => (typeof e === 'string' ? e : e.in))) {
        if (!entry.includes('functions/ml-train/')) continue;
        // serverless-esbuild builds each handler into its own outdir (…/functions/ml-train/src).
        fs.mkdirSync(outdir, { recursive: true });
        fs.copyFileSync(wasm, path.join(outdir, 'libsvm.wasm'));
      }
    });
  },
};

module.exports = [copyLibsvmWasm];
