// Handlers for offline-patch.test.ts: no middy, so serverless-offline's own timeout and error paths run.

/** Answers after `?ms=` milliseconds, with the worker's start time (a new worker has a new one). */
exports.sleep = async (event) => {
  const ms = Number(event.queryStringParameters?.ms ?? 0);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { statusCode: 200, body: JSON.stringify({ slept: ms, workerStartedAt: exports.startedAt }) };
};

/** Throws with a local path in its message and stack, which must not reach the client. */
exports.crash = async () => {
  throw new Error('failed reading /home/someone/private/config.json');
};

/** Ends its worker thread mid-request, as a rebuild terminating busy workers does. */
exports.exit = async () => {
  process.exit(3);
};

exports.startedAt = Date.now();
