import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  type OfflineServer,
  type StackSettings,
  stackSettings,
  startOffline,
  startS3,
  uploadSeedData,
} from '@serverless-ml/local-stack';
import { freePort } from '../support/free-port';

// What the embedded stack answers when things go wrong: the server's own errors in the API's
// shape, S3 frozen and back, a dead serverless-offline, many concurrent requests. The parts
// are started one by one (as startLocalStack does) so the test can stop and freeze S3.
jest.setTimeout(240_000);

interface ErrorBody {
  error?: { type: string; message: string };
}

let settings: StackSettings;
let s3: { endpoint: string; close: () => Promise<void> };
let offline: OfflineServer;
let lambda: LambdaClient;
const offlineLog: string[] = [];

async function call(pathAndQuery: string, init: RequestInit = {}) {
  const started = performance.now();
  const res = await fetch(`http://${settings.host}:${settings.httpPort}${pathAndQuery}`, init);
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  const body = json as Record<string, unknown> & ErrorBody;
  return { status: res.status, headers: res.headers, body, text, ms: performance.now() - started };
}

async function train(model: string) {
  const out = await lambda.send(
    new InvokeCommand({
      FunctionName: `${settings.service}-${settings.stage}-ml-train`,
      Payload: Buffer.from(JSON.stringify({ model })),
    }),
  );
  const text = Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8');
  if (out.FunctionError || text.includes('errorMessage')) throw new Error(`training ${model} failed: ${text}`);
}

/** A TCP server that accepts connections and never answers: S3 frozen. */
function blackHole(port: number): Promise<{ close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(port, settings.host, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

const rainQuery = '/rain-forecast?city=Seattle&date=2015-03-01';
const storesQuery = '/stores/nearest?lat=39.15&long=-77.07&k=2';

beforeAll(async () => {
  settings = stackSettings(process.env, {
    stage: 'reliability',
    s3Port: await freePort(),
    httpPort: await freePort(),
    lambdaPort: await freePort(),
    dataDir: mkdtempSync(path.join(tmpdir(), 'serverless-ml-reliability-')),
    esbuildWorkFolder: '.esbuild-reliability',
  });
  s3 = await startS3(settings);
  await uploadSeedData(settings, s3.endpoint);
  offline = await startOffline(settings, (line) => offlineLog.push(line));
  lambda = new LambdaClient({
    region: 'us-east-1',
    endpoint: offline.lambdaEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  await train('rain');
  await train('stores');
});

afterAll(async () => {
  lambda?.destroy();
  await offline?.close();
  await s3?.close();
  if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
});

describe('the server’s own errors', () => {
  it('answers an unknown route with 404 in the API error shape, without the route table', async () => {
    const res = await call('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ type: 'NotFoundError', message: 'GET /no/such/route is not a route of this API' });
    expect(res.text).not.toMatch(/existingRoutes|digits\/predict/);
  });

  it('answers a body over 10 MB with 413 in the API error shape', async () => {
    const body = JSON.stringify({ images: [], padding: 'x'.repeat(11 * 1024 * 1024) });
    const res = await call('/digits/predict', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error?.type).toBe('PayloadTooLargeError');
  });

  it('answers headers over 16 KB with 431 in the API error shape', async () => {
    const res = await call('/models', { headers: { 'x-padding': 'y'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.body.error?.type).toBe('HeadersTooLargeError');
  });

  it('answers a CORS preflight in the API error shape (CORS is off: the console is same-origin)', async () => {
    const res = await call('/rain-forecast', {
      method: 'OPTIONS',
      headers: { origin: 'http://elsewhere.test', 'access-control-request-method': 'GET' },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.error?.type).toEqual(expect.any(String));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('many requests at once', () => {
  it('answers 300 rain forecasts sent 50 at a time, every one 200 (they queue, they do not time out)', async () => {
    const statuses: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 300) {
        next += 1;
        const res = await call(rainQuery);
        statuses.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});

describe('S3 frozen, then back', () => {
  it('answers 503 naming S3 within seconds, keeps forecasting with logged: false, and recovers at once', async () => {
    expect((await call(rainQuery)).body.logged).toBe(true);
    await s3.close();
    const frozen = await blackHole(settings.s3Port);
    try {
      const models = await call('/models');
      expect(models.status).toBe(503);
      expect(models.body.error?.type).toBe('S3UnavailableError');
      expect(models.body.error?.message).toMatch(/^S3 did not answer in time/);
      expect(models.ms).toBeLessThan(6_000); // well inside the function's 10 s timeout

      const rain = await call(rainQuery);
      if (rain.status === 200) expect(rain.body.logged).toBe(false);
      else expect(rain.body.error?.type).toBe('S3UnavailableError');
    } finally {
      await frozen.close();
      s3 = await startS3(settings);
    }
    const back = await Promise.all([call(rainQuery), call(storesQuery), call('/models')]);
    expect(back.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(back[0].body.logged).toBe(true);
    expect(Math.max(...back.map((r) => r.ms))).toBeLessThan(3_000);
  });
});

describe('start-up output', () => {
  it('says nothing a newcomer cannot use: no SDK Node notice, no skipped plugin, no wrong invoke path', () => {
    const noise = /NodeVersionSupportWarning|Skipping serverless-localstack|2015-03-31\/functions|deploys to AWS/;
    expect(offlineLog.filter((line) => noise.test(line))).toEqual([]);
    expect(offlineLog.some((line) => line.includes('/rain-forecast'))).toBe(true); // the routes are listed
  });
});

describe('a dead serverless-offline', () => {
  it('is noticed and named', async () => {
    expect(offline.pid).toEqual(expect.any(Number));
    process.kill(offline.pid as number, 'SIGKILL');
    await expect(offline.died).resolves.toMatch(/^serverless-offline was killed \(SIGKILL\)/);
  });
});
