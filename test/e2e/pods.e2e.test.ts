import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type LocalStack, stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import { freePort } from '../support/free-port';

// The reference tutorial's story, with our pods: train everything → pod save → stop → delete the
// state → start fresh → pod load → the same predictions and the same model sha256s.
jest.setTimeout(300_000);

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const STAGE = 'e2e-pods';
const ZERO = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0,
  9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];

interface Snapshot {
  digits: unknown;
  image: unknown;
  rain: unknown;
  stores: unknown;
}

async function boot(dataDir: string): Promise<LocalStack> {
  return startLocalStack(
    stackSettings(process.env, {
      stage: STAGE,
      s3Port: await freePort(),
      httpPort: await freePort(),
      lambdaPort: await freePort(),
      dataDir,
      esbuildWorkFolder: `.esbuild-${STAGE}`,
    }),
    () => undefined,
  );
}

async function pod(stack: LocalStack, ...args: string[]): Promise<string> {
  const cli = path.join(ROOT, 'packages/pods/src/cli.ts');
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const { stdout } = await run(tsx, [cli, ...args, '--endpoint', stack.s3Endpoint, '--stage', STAGE], { cwd: ROOT });
  return stdout;
}

/** What a user would compare: every API's answer, with the model versions they name. */
async function snapshot(stack: LocalStack): Promise<Snapshot> {
  const json = async (url: string, init?: RequestInit) => (await fetch(`${stack.httpUrl}${url}`, init)).json();
  const rain = (await json('/rain-forecast?city=Seattle&date=2015-03-01')) as Record<string, unknown>;
  delete rain.requestId; // unique per request by design
  return {
    digits: (await stack.invoke('ml-predict', {})).payload,
    image: await json('/digits/predict', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ images: [ZERO] }),
    }),
    rain,
    stores: await json('/stores/nearest?lat=39.153198&long=-77.066176&k=3'),
  };
}

describe('pods: save, wipe, load', () => {
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `serverless-ml-${name}-`));
    dirs.push(dir);
    return dir;
  };
  let before: Snapshot;
  let zip: string;
  let dataDir: string;

  beforeAll(async () => {
    process.env.MODEL_POINTER_TTL_MS = '0';
    dataDir = tempDir('pods-a');
    zip = path.join(tempDir('pods-zip'), 'demo.zip');
    const stack = await boot(dataDir);
    try {
      for (const model of ['digits', 'rain', 'stores']) {
        const trained = await stack.invoke('ml-train', { model });
        expect(trained.functionError).toBeUndefined();
      }
      before = await snapshot(stack);
      await pod(stack, 'save', 'demo', '--message', 'all three models');
      await pod(stack, 'save', `file://${zip}`);
    } finally {
      await stack.stop();
    }
  });

  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('restores identical predictions from the pods bucket after the buckets were deleted', async () => {
    for (const bucket of ['data', 'models'])
      rmSync(path.join(dataDir, `serverless-ml-${STAGE}-${bucket}`), { recursive: true });
    const stack = await boot(dataDir);
    try {
      await expect(snapshot(stack)).resolves.toMatchObject({
        digits: { errorMessage: expect.stringMatching(/no digits model/) },
      });
      const dryRun = await pod(stack, 'load', 'demo', '--dry-run');
      expect(dryRun).toMatch(/add/i);
      await pod(stack, 'load', 'demo');
      expect(await snapshot(stack)).toEqual(before);
    } finally {
      await stack.stop();
    }
  });

  it('restores identical predictions from file:// into a separate, empty data folder', async () => {
    const stack = await boot(tempDir('pods-b'));
    try {
      await pod(stack, 'load', `file://${zip}`);
      expect(await snapshot(stack)).toEqual(before);
      const inspected = await pod(stack, 'inspect', `file://${zip}`);
      expect(inspected).toMatch(/digits/);
    } finally {
      await stack.stop();
    }
  });
});
