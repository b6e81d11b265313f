// libsvm-js's Emscripten glue runs `process.on('unhandledRejection', () => process.exit(1))` when it
// is first required: from then on, an unhandled rejection anywhere in the process ends it with
// status 1 and without a word (Lambda shows "Runtime exited with error: exit status 1", no stack).
// It is required here, and only here, and that listener is taken off again, so Node reports such
// errors as it otherwise would. (require, not import: imports are hoisted above the first line.)
const before = new Set(process.listeners('unhandledRejection'));
const loaded: typeof import('libsvm-js') = require('libsvm-js');
const wasm: typeof import('libsvm-js/out/wasm/libsvm') = require('libsvm-js/out/wasm/libsvm');
for (const listener of process.listeners('unhandledRejection')) {
  if (!before.has(listener)) process.off('unhandledRejection', listener);
}

/** libsvm-js's SVM class, once its WebAssembly is compiled. */
export const libsvmReady = loaded;
/** The Emscripten module behind it (the same instance), for reading its heap. */
export const libsvmWasm = wasm;
