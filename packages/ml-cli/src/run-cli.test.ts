import { createServer } from 'node:net';
import { ModelStore } from '@serverless-ml/model-store';
import { publishFixture } from '@serverless-ml/model-store/testing';
import { mockBucket } from '../../model-store/src/mock-bucket.fixture';
import { registryFor, runCli } from './run-cli';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('runCli against a bucket (aws-sdk-client-mock)', () => {
  const bucket = mockBucket();
  const versions: string[] = [];

  beforeAll(async () => {
    const store = new ModelStore(bucket.objectStore);
    for (const [day, accuracy] of [
      [1, 0.9689],
      [2, 0.9533],
    ]) {
      const metadata = { metrics: { accuracy, correct: 871 }, baselines: {}, trainedAt: `2026-01-0${day}` };
      versions.push(await publishFixture(store, 'digits', `model-${day}`, day, metadata));
    }
  });

  afterAll(() => bucket.mock.restore());

  it('lists the models as a table, or as JSON with --json', async () => {
    const table = await run(['models', 'list']);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^MODEL\s+PROMOTED\s+SINCE\s+VERSIONS\s+NEWEST$/);
    expect(table.out).toContain(`digits  ${versions[1]}`);
    const json = JSON.parse((await run(['models', 'list', '--json'])).out);
    expect(json.models).toEqual([expect.objectContaining({ name: 'digits', promoted: versions[1], versions: 2 })]);
  });

  it('shows the versions with their metrics and marks the promoted one', async () => {
    const { out } = await run(['models', 'show', 'digits']);
    expect(out).toContain(`  ${versions[0]}  2026-01-01  svc        accuracy 0.9689, correct 871`);
    expect(out).toContain(`* ${versions[1]}  2026-01-02  svc        accuracy 0.9533, correct 871`);
    const detail = await run(['models', 'show', `digits@${versions[0]}`]);
    expect(detail.out).toMatch(/^version\s+digits@\S+$/m);
    expect(detail.out).toMatch(/^ {2}accuracy\s+0\.9689$/m);
    expect(detail.out).toMatch(/^integrity\s+verified/m);
  });

  it('promotes and rolls back, saying how to undo', async () => {
    const promoted = await run(['models', 'promote', `digits@${versions[0]}`]);
    expect(promoted.out).toBe(
      `promoted digits@${versions[0]} (was ${versions[1]}); undo with: pnpm ml models rollback digits`,
    );
    const rolled = await run(['models', 'rollback', 'digits']);
    expect(rolled.out).toMatch(`rolled back digits to ${versions[1]}`);
    expect((bucket.json('models/digits/latest.json') as { version: string }).version).toBe(versions[1]);
  });

  it('cleans orphans: a publish cut short after model.onnx, older than an hour', async () => {
    const orphan = '2026-01-05T00-00-00-000Z-0c0c0c';
    bucket.objects.set(`models/digits/versions/${orphan}/model.onnx`, new Uint8Array([1]));
    expect((await run(['models', 'show', 'digits'])).out).toContain(`${orphan}  –           –          INCOMPLETE`);
    expect((await run(['models', 'clean', '--dry-run'])).out).toMatch(`would remove digits@${orphan} (1 files)`);
    expect((await run(['models', 'clean', 'digits'])).out).toMatch(`removed digits@${orphan} (1 files)`);
    expect((await run(['models', 'clean'])).out).toBe('no orphans: every version older than an hour is complete');
  });

  it('exits 1 with the registry’s message for an unknown model, 2 for a bad command line', async () => {
    await expect(run(['models', 'show', 'pixels'])).resolves.toEqual({
      code: 1,
      out: '',
      err: 'ml: no model named "pixels" (models: digits)',
    });
    const usage = await run(['models', 'promote', 'digits']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^ml: promote needs a version[\s\S]*usage: pnpm ml models/);
  });
});

describe('runCli with nothing listening', () => {
  it('says s3rver is not running and how to start it', async () => {
    const port = await closedPort();
    const { code, err } = await run(['models', 'list'], { S3_PORT: String(port) });
    expect(code).toBe(1);
    expect(err).toBe(
      `ml: s3rver is not running at http://127.0.0.1:${port} — start it with pnpm start (or pass --endpoint, or --aws)`,
    );
  });

  it('builds a registry on the target bucket', () => {
    const { registry, close } = registryFor({ s3: { region: 'us-east-1' }, bucket: 'b', embedded: false });
    expect(registry).toBeDefined();
    close();
  });
});
