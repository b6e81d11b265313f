// Runs in a fresh `node`, like a new Lambda container: requires the bundled ml-predict handler
// and predicts one image. Times are performance.now(), i.e. since this process began
// (performance.timeOrigin), so Node's own boot is on the clock. With `--empty` it only reports,
// which measures the cost of spawning and booting Node alone.
'use strict';

const [handlerFile, imageJson] = process.argv.slice(2);

const report = (fields, code) => {
  // The handler logs to stdout too: the marker tells the bench which line is the result.
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(fields)}\n`, () => process.exit(code));
};

if (handlerFile === '--empty') {
  const now = performance.now();
  report({ loadedMs: now, resultMs: now, label: null }, 0);
} else {
  const { handler } = require(handlerFile);
  const loadedMs = performance.now();
  handler({ images: [JSON.parse(imageJson)] }, {}).then(
    (result) => {
      const resultMs = performance.now();
      const label = result?.predictions?.[0]?.label;
      if (typeof label !== 'number') report({ error: `unexpected result: ${JSON.stringify(result).slice(0, 300)}` }, 1);
      else report({ loadedMs, resultMs, label, modelVersion: result.modelVersion }, 0);
    },
    (error) => report({ error: String(error?.stack ?? error) }, 1),
  );
}
