// libsvm-js's Emscripten glue runs `process.on('unhandledRejection', () => process.exit(1))` when it
// is first required: from then on, an unhandled rejection anywhere in the process ends it with
// status 1 and without a word (Lambda shows "Runtime exited with error: exit status 1", no stack).
// It is required here, and only here, and that listener is taken off again, so Node reports such
// errors as it otherwise would. (require, not import: imports are hoisted above the first line.)
//
// The glue also first tries WebAssembly.instantiateStreaming(fetch(<a file path>)), which always
// fails in Node and prints "wasm streaming compile failed … falling back to ArrayBuffer
// instantiation" before it reads the file. Hidden while it is required, the file is read at once.
const before = new Set(process.listeners('unhandledRejection'));
// (Node's types declare WebAssembly as a namespace only, hence Reflect.)
const webAssembly: object = Reflect.get(globalThis, 'WebAssembly');
const streaming = Object.getOwnPropertyDescriptor(webAssembly, 'instantiateStreaming');
Object.defineProperty(webAssembly, 'instantiateStreaming', { value: undefined, configurable: true, writable: true });
let loaded: typeof import('libsvm-js');
let wasm: typeof import('libsvm-js/out/wasm/libsvm');
try {
  loaded = require('libsvm-js');
  wasm = require('libsvm-js/out/wasm/libsvm');
} finally {
  if (streaming) Object.defineProperty(webAssembly, 'instantiateStreaming', streaming);
  for (const listener of process.listeners('unhandledRejection')) {
    if (!before.has(listener)) process.off('unhandledRejection', listener);
  }
}

/** libsvm-js's SVM class, once its WebAssembly is compiled. */
export const libsvmReady = loaded;
/** The Emscripten module behind it (the same instance), for reading its heap. */
export const libsvmWasm = wasm;
