// Runs in a fresh `node`, like a new Lambda container: requires a bundled handler and calls it
// once with the given event. Times are performance.now(), i.e. since this process began
// (performance.timeOrigin), so Node's own boot is on the clock. With `--empty` it only reports,
// which measures the cost of spawning and booting Node alone. With a warm count it then calls
// the same handler again, `warmup` times unmeasured and `runs` times measured (microseconds each):
// a warm container serving one request after another.
'use strict';

const { randomUUID } = require('node:crypto');

const [handlerFile, eventJson, warmJson] = process.argv.slice(2);

const report = (fields, code) => {
  // The handler logs to stdout too: the marker tells the bench which line is the result.
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(fields)}\n`, () => process.exit(code));
};

// What the handlers read from Lambda's context; a new request id per call, as Lambda gives.
const context = () => ({
  awsRequestId: randomUUID(),
  functionName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
});

// Lambda's runtime fetches each invocation over HTTP, so the event loop turns (timers, I/O) between
// calls; without this, a handler that never waits on I/O would run every call in one turn.
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function warmRuns(handler, event, { warmup, runs }) {
  for (let i = 0; i < warmup; i++) {
    await nextTurn();
    await handler(event, context());
  }
  const samplesUs = [];
  for (let i = 0; i < runs; i++) {
    await nextTurn();
    const ctx = context();
    const started = performance.now();
    await handler(event, ctx);
    samplesUs.push(Math.round((performance.now() - started) * 10_000) / 10);
  }
  return samplesUs;
}

async function main() {
  const { handler } = require(handlerFile);
  const loadedMs = performance.now();
  const event = JSON.parse(eventJson);
  const result = await handler(event, context());
  const resultMs = performance.now();
  const warmSamplesUs = warmJson ? await warmRuns(handler, event, JSON.parse(warmJson)) : undefined;
  report({ loadedMs, resultMs, result, warmSamplesUs }, 0);
}

if (handlerFile === '--empty') {
  const now = performance.now();
  report({ loadedMs: now, resultMs: now, result: null }, 0);
} else {
  main().catch((error) => report({ error: String(error?.stack ?? error) }, 1));
}
