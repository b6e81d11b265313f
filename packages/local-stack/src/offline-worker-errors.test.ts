import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// serverless-offline's worker-thread runner, as patched (patches/serverless-offline@13.9.0.patch).
// It is an ES module: it runs in a child node process, not in jest's module system.
const RUNNER = path.resolve(
  __dirname,
  '../../../node_modules/serverless-offline/src/lambda/handler-runner/worker-thread-runner/WorkerThreadRunner.js',
);

const HANDLERS = `
class ValidationError extends Error {
  constructor(message) { super(message); this.name = 'ValidationError'; }
}
exports.throwsClass = async () => { throw new ValidationError('bad input'); };
exports.throwsString = async () => { throw 'boom'; };
exports.answers = async () => ({ fine: true });
`;

/** Runs `handler.<name>` through the runner: what the function resolved, or the error it was rejected with. */
async function run(
  dir: string,
  name: string,
): Promise<{ resolved?: unknown; rejected?: { name: string; message: string } }> {
  const script = `
    import WorkerThreadRunner from ${JSON.stringify(RUNNER)};
    const runner = new WorkerThreadRunner(
      { codeDir: ${JSON.stringify(dir)}, functionKey: ${JSON.stringify(name)}, handler: 'handler.${name}', servicePath: ${JSON.stringify(dir)}, timeout: 10 },
      {},
    );
    try {
      console.log(JSON.stringify({ resolved: await runner.run({}, {}) }));
    } catch (error) {
      console.log(JSON.stringify({ rejected: { name: error.name, message: error.message } }));
    }
    await runner.cleanup();
  `;
  // A file, not `--input-type=module -e`: the worker threads inherit node's flags and refuse that one.
  const file = path.join(dir, `run-${name}.mjs`);
  writeFileSync(file, script);
  const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

describe("serverless-offline's worker threads", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'offline-worker-'));
    writeFileSync(path.join(dir, 'handler.js'), HANDLERS);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keep a thrown error's class name (the invoke API's errorType; Step Functions retries match it)", async () => {
    expect(await run(dir, 'throwsClass')).toEqual({ rejected: { name: 'ValidationError', message: 'bad input' } });
  });

  it('fail an invocation that throws something other than an Error, instead of answering it as a result', async () => {
    expect(await run(dir, 'throwsString')).toEqual({ rejected: { name: 'string', message: 'boom' } });
  });

  it("still resolve a handler's answer", async () => {
    expect(await run(dir, 'answers')).toEqual({ resolved: { fine: true } });
  });
});
