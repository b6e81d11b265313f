import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/free-port';

// patches/serverless-offline@13.9.0.patch, through a real `sls offline` on a fixture service
// (service/) whose functions have a 1 s timeout and one worker each.
jest.setTimeout(90_000);

const SERVICE_DIR = path.join(__dirname, 'service');
let offline: ChildProcess;
let baseUrl: string;

async function get(pathAndQuery: string) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${pathAndQuery}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text), ms: performance.now() - started };
}

beforeAll(async () => {
  const [httpPort, lambdaPort] = [await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${httpPort}`;
  const bin = require.resolve('serverless/bin/serverless.js', { paths: [path.resolve(__dirname, '../..')] });
  const args = ['offline', 'start', '--host', '127.0.0.1', '--httpPort', String(httpPort)];
  offline = spawn(process.execPath, [bin, ...args, '--lambdaPort', String(lambdaPort)], {
    cwd: SERVICE_DIR,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server ready')) resolve();
    };
    offline.stdout?.on('data', onData);
    offline.stderr?.on('data', onData);
    offline.once('exit', (code) => reject(new Error(`sls offline exited (${code}):\n${output}`)));
  });
});

afterAll(() => {
  offline?.kill('SIGKILL');
});

describe('serverless-offline, patched', () => {
  it('answers a function that outlives its timeout with 504 JSON, without a stack', async () => {
    const res = await get('/sleep?ms=3000');
    expect(res.status).toBe(504);
    expect(res.body).toEqual({
      error: { type: 'LambdaTimeoutError', message: 'sleep did not answer within its timeout' },
    });
  });

  it('replaces the timed-out worker: the next request is answered at once, by a new worker', async () => {
    const first = await get('/sleep?ms=0');
    expect(first.status).toBe(200);
    expect(first.ms).toBeLessThan(900);
    await get('/sleep?ms=3000'); // times out: its worker is terminated
    const next = await get('/sleep?ms=0');
    expect(next.status).toBe(200);
    expect(next.ms).toBeLessThan(900);
    expect(next.body.workerStartedAt).toBeGreaterThan(first.body.workerStartedAt);
  });

  it('answers a crashed function with 502 JSON, without its message, stack or paths', async () => {
    const res = await get('/crash');
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ error: { type: 'LambdaError', message: 'crash failed' } });
    expect(res.text).not.toMatch(/home|stackTrace|errorMessage/);
  });

  it('fails a request at once when its worker ends under it, instead of waiting for the timeout', async () => {
    const res = await get('/exit');
    expect(res.status).toBe(502);
    expect(res.body.error.type).toBe('LambdaError');
    expect(res.ms).toBeLessThan(900); // the timeout is 1 s
    expect((await get('/exit')).status).toBe(502); // and the next one gets a new worker
  });

  it('queues requests beyond maxConcurrency instead of starting workers, and the wait does not count as run time', async () => {
    // One worker, 1 s timeout, five requests of 400 ms at once: ~2 s in all, each within its own timeout.
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/sleep?ms=400')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.workerStartedAt)).size).toBe(1);
    expect(performance.now() - started).toBeGreaterThan(1_900);
  });
});
