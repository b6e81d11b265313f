import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { bootStack } from '../support/embedded-stack';

// Batch scoring end to end on the embedded stack: POST /batch starts the batch-scoring state
// machine (aws-local-stepfunctions), whose Plan, ScoreShard (one per Map item, through
// serverless-offline's workers) and Manifest Tasks run the real functions against s3rver with
// the real ONNX Runtime. The parts must be exactly what the invocations endpoint answers.
jest.setTimeout(300_000);

interface Part {
  index: number;
  key: string;
  rows: number;
  bytes: number;
  sha256: string;
  start: number;
  end: number;
}
interface BatchRun {
  runId: string;
  status: string;
  statusUrl: string;
  version?: string;
  shards?: number;
  partsDone?: number;
  manifest?: { rows: number; model: string; version: string; parts: Part[]; input: { header: boolean } };
  error?: { type: string; message: string };
}

let stack: LocalStack;
let cleanup: () => Promise<void>;
let s3: S3Client;
let version: string;

// data/housing.csv without its target (9th column): the model's features, as the endpoint takes them.
const [headerLine, ...dataLines] = readFileSync(path.join(__dirname, '../../data/housing.csv'), 'utf8')
  .trim()
  .split('\n');
const withoutTarget = (line: string) => line.split(',').toSpliced(8, 1).join(',');
const HEADER = withoutTarget(headerLine);
const ROWS = dataLines.slice(0, 3000).map(withoutTarget);

async function put(key: string, body: string) {
  await s3.send(new PutObjectCommand({ Bucket: stack.buckets.data, Key: key, Body: body }));
}
async function get(key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.data, Key: key }));
  return Buffer.from(await (out.Body?.transformToByteArray() ?? new Uint8Array()));
}
async function api(method: string, route: string, body?: unknown) {
  const res = await fetch(`${stack.httpUrl}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as BatchRun & { error?: { type: string; message: string } } };
}
async function finished(runId: string): Promise<BatchRun> {
  for (let i = 0; i < 240; i++) {
    const { json } = await api('GET', `/batch/${runId}`);
    if (json.status !== 'RUNNING') return json;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`batch ${runId} still running after 2 minutes`);
}

beforeAll(async () => {
  ({ stack, cleanup } = await bootStack('e2e-batch'));
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const trained = await stack.invoke<{ version: string }>('ml-train', { model: 'housing', algorithm: 'linear' });
  expect(trained.functionError).toBeUndefined();
  version = trained.payload.version;
});

afterAll(async () => {
  s3?.destroy();
  await cleanup?.();
});

describe('POST /batch', () => {
  let run: BatchRun;
  let parts: Buffer[];

  beforeAll(async () => {
    // CRLF line ends and a header: the shards must cut at line starts and skip the header.
    await put('batch-input/housing-3000.csv', `${[HEADER, ...ROWS].join('\r\n')}\r\n`);
    const started = await api('POST', '/batch', {
      model: 'housing',
      input: `s3://${stack.buckets.data}/batch-input/housing-3000.csv`,
      shards: 5,
      concurrency: 2,
    });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: 'RUNNING', version, statusUrl: `/batch/${started.json.runId}` });
    run = await finished(started.json.runId);
    parts = await Promise.all((run.manifest?.parts ?? []).map((part) => get(part.key)));
  });

  it('succeeds with a manifest: every row once, in five parts, with the version pinned at the start', () => {
    expect({ status: run.status, error: run.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
    expect(run).toMatchObject({ shards: 5, partsDone: 5, version });
    expect(run.manifest).toMatchObject({ rows: 3000, model: 'housing', version, input: { header: true } });
    expect(run.manifest?.parts.map((p) => p.key)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `batch/${run.runId}/part-0000${i}.csv`),
    );
    expect(run.manifest?.parts.reduce((sum, p) => sum + p.rows, 0)).toBe(3000);
  });

  it("records each part's true sha256, byte count and row count", () => {
    run.manifest?.parts.forEach((part, i) => {
      expect(createHash('sha256').update(parts[i]).digest('hex')).toBe(part.sha256);
      expect(parts[i].length).toBe(part.bytes);
      expect(parts[i].toString('utf8').split('\n').length - 1).toBe(part.rows);
      expect(part.rows).toBeGreaterThan(400);
    });
  });

  it('answers exactly what the invocations endpoint answers for the same rows, in order', async () => {
    const res = await fetch(`${stack.httpUrl}/endpoints/housing/invocations?version=${version}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: `${ROWS.join('\n')}\n`,
    });
    expect(res.status).toBe(200);
    expect(Buffer.concat(parts).toString('utf8')).toBe(await res.text());
  });

  it('answers each row as the endpoint does for that row alone (a sample, shard edges included)', async () => {
    const lines = Buffer.concat(parts).toString('utf8').split('\n');
    // The first and last row of every part, and a few in between.
    const edges = (run.manifest?.parts ?? []).flatMap((part, i, all) => {
      const first = all.slice(0, i).reduce((sum, p) => sum + p.rows, 0);
      return [first, first + part.rows - 1];
    });
    for (const row of [...edges, 7, 1234, 2500]) {
      const res = await fetch(`${stack.httpUrl}/endpoints/housing/invocations?version=${version}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'text/csv' },
        body: `${ROWS[row]}\n`,
      });
      expect({ row, answer: await res.text() }).toEqual({ row, answer: `${lines[row]}\n` });
    }
  });

  it('runs when started directly with StartExecution (no POST /batch), cut by shardRows, with the same answers', async () => {
    const { LOCAL_ACCOUNT_ID: account } = require('../../packages/local-stack/src/offline-account-id.cjs');
    // StartExecution in the Step Functions JSON protocol, as the SDKs send it.
    const res = await fetch(stack.stepFunctionsEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' },
      body: JSON.stringify({
        stateMachineArn: `arn:aws:states:us-east-1:${account}:stateMachine:serverless-ml-e2e-batch-batch-scoring`,
        name: 'direct-run',
        input: JSON.stringify({ model: 'housing', input: 'batch-input/housing-3000.csv', shardRows: 1000 }),
      }),
    });
    expect(res.status).toBe(200);
    const direct = await finished('direct-run');
    // With the error in the comparison, a failed run says why.
    expect({ status: direct.status, error: direct.error }).toEqual({ status: 'SUCCEEDED', error: undefined });
    expect(direct).toMatchObject({ version, manifest: { rows: 3000 } });
    // Other cuts (about 1000 rows a shard), the same answers end to end.
    expect(direct.manifest?.parts.length).toBe(3);
    const directParts = await Promise.all((direct.manifest?.parts ?? []).map((part) => get(part.key)));
    expect(Buffer.concat(directParts).equals(Buffer.concat(parts))).toBe(true);
  });

  it('fails a run on a bad row, naming the shard and where its rows start', async () => {
    await put('batch-input/bad.csv', `${ROWS.slice(0, 20).join('\n')}\n1,2,3\n${ROWS.slice(20, 100).join('\n')}\n`);
    const started = await api('POST', '/batch', { model: 'housing', input: 'batch-input/bad.csv', shards: 2 });
    const failed = await finished(started.json.runId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error?.type).toBe('ValidationError');
    expect(failed.error?.message).toMatch(/bad\.csv, shard 0, the rows from byte 0: row 21 has 3 columns, expected 9/);
  });

  it('answers 400 naming the field, 404 for a missing input or run, 400 for another bucket', async () => {
    expect(await api('POST', '/batch', { model: 'housing' })).toMatchObject({
      status: 400,
      json: { error: { type: 'ValidationError', message: expect.stringContaining('input') } },
    });
    expect((await api('POST', '/batch', { model: 'housing', input: 'nope.csv' })).status).toBe(404);
    expect((await api('POST', '/batch', { model: 'housing', input: 's3://elsewhere/x.csv' })).status).toBe(400);
    expect((await api('POST', '/batch', { model: 'housing', input: 'x.csv', shards: 0 })).status).toBe(400);
    expect((await api('GET', '/batch/20990101-000000-abcdef')).status).toBe(404);
  });

  it("answers 400 at once, with no run started, for a header that is not the model's or a CSV without rows", async () => {
    await put('batch-input/shuffled-header.csv', `${HEADER.split(',').reverse().join(',')}\n${ROWS[0]}\n`);
    await put('batch-input/header-only.csv', `${HEADER}\n`);
    const shuffled = await api('POST', '/batch', { model: 'housing', input: 'batch-input/shuffled-header.csv' });
    expect(shuffled).toMatchObject({
      status: 400,
      json: { error: { type: 'ValidationError', message: expect.stringContaining('looks like a header') } },
    });
    expect(shuffled.json.runId).toBeUndefined();
    const headerOnly = await api('POST', '/batch', { model: 'housing', input: 'batch-input/header-only.csv' });
    expect(headerOnly).toMatchObject({
      status: 400,
      json: { error: { message: expect.stringContaining('has no rows to score') } },
    });
  });
});
