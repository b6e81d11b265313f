// serverless-esbuild's `concurrency` (serverless.yml): how many functions esbuild builds at once.
// Under `sls offline` one at a time: a parallel build of all five held 2-3× the memory in
// esbuild's service (400-600 MB instead of 150-200 MB) on every rebuild, and was no faster on
// 2 cores. `sls package`/`deploy` build in parallel, once (one at a time took > 30 s).
'use strict';

// osls refuses Infinity from a file variable: 16 is more than there are functions.
module.exports = () => (process.argv.includes('offline') ? 1 : 16);
