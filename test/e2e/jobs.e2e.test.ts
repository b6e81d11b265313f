import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type LocalStack, S3RVER_CREDENTIALS, stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import type { JobAnswer } from '../../functions/jobs/src/job-record';
import { freePort } from '../support/free-port';

// Training jobs end to end on the embedded stack: POST /jobs → the jobs function → the embedded
// Step Functions API → statemachines/training.asl.yml run by aws-local-stepfunctions → each Task
// through serverless-offline's Lambda API (the real ml-train, evaluate, promote) → s3rver.
jest.setTimeout(600_000);

const STAGE = 'e2e-jobs';

/** A job as `GET /jobs/{id}` answers it. */
type Job = JobAnswer;

let dataDir: string;
let settings: ReturnType<typeof stackSettings>;
let stack: LocalStack | undefined;
const stackLog: string[] = [];

async function boot(): Promise<LocalStack> {
  stack = await startLocalStack(settings, (line) => stackLog.push(line));
  return stack;
}

async function api<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack?.httpUrl}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function waitFor(jobId: string, until: (job: Job) => boolean, timeoutMs = 240_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await api<Job>('GET', `/jobs/${jobId}`);
    if (status !== 200) throw new Error(`GET /jobs/${jobId} answered ${status}: ${JSON.stringify(body)}`);
    if (until(body)) return body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
const ended = (job: Job) => job.status !== 'RUNNING';
const training = (job: Job) => job.steps.some((s) => s.name === 'Train' && s.status === 'RUNNING');

async function start(request: Record<string, unknown>): Promise<Job> {
  const { status, body } = await api<Job>('POST', '/jobs', request);
  expect({ status, jobStatus: body.status }).toEqual({ status: 202, jobStatus: 'RUNNING' });
  expect(body.statusUrl).toBe(`/jobs/${body.jobId}`);
  return body;
}

async function promotedHousing(): Promise<string | undefined> {
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack?.s3Endpoint,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
  });
  try {
    const out = await s3.send(
      new GetObjectCommand({ Bucket: stack?.buckets.models, Key: 'models/housing/latest.json' }),
    );
    return (JSON.parse(await (out.Body?.transformToString() ?? '{}')) as { version?: string }).version;
  } catch {
    return undefined;
  } finally {
    s3.destroy();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), `serverless-ml-${STAGE}-`));
  settings = stackSettings(process.env, {
    stage: STAGE,
    s3Port: await freePort(),
    httpPort: await freePort(),
    lambdaPort: await freePort(),
    dataDir,
    esbuildWorkFolder: `.esbuild-${STAGE}`,
  });
  await boot();
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a training job on the embedded stack', () => {
  let first: Job;

  it('trains, evaluates and promotes the first version of a model', async () => {
    first = await waitFor((await start({ model: 'housing', algorithm: 'linear' })).jobId, ended);
    expect(first.status).toBe('SUCCEEDED');
    expect(first.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'Validate:SUCCEEDED',
      'Train:SUCCEEDED',
      'Evaluate:SUCCEEDED',
      'Promote:SUCCEEDED',
    ]);
    expect(first.result).toMatchObject({
      algorithm: 'linear',
      promoted: true,
      reason: 'housing has no promoted version yet',
    });
    expect(first.result?.metrics.r2).toBeGreaterThan(0.6);
    expect(await promotedHousing()).toBe(first.result?.version);
  });

  it('promotes a better model and keeps the promoted one when the new one is worse', async () => {
    const better = await waitFor((await start({ model: 'housing', algorithm: 'gbm' })).jobId, ended);
    expect(better.result).toMatchObject({
      promoted: true,
      reason: expect.stringContaining('gbm is better than linear'),
    });
    expect(await promotedHousing()).toBe(better.result?.version);

    const worse = await waitFor(
      (await start({ model: 'housing', algorithm: 'linear', promote: 'if-better' })).jobId,
      ended,
    );
    expect(worse.status).toBe('SUCCEEDED');
    expect(worse.steps.at(-1)).toMatchObject({ name: 'Keep', status: 'SUCCEEDED' });
    expect(worse.result).toMatchObject({
      promoted: false,
      reason: expect.stringContaining('linear is not better than gbm'),
    });
    expect(await promotedHousing()).toBe(better.result?.version);
  });

  it("fails with the trainer's error and its step, leaving latest alone", async () => {
    const before = await promotedHousing();
    const request = { model: 'housing', algorithm: 'gbm', hyperParameters: { learningRate: -1 } };
    const failed = await waitFor((await start(request)).jobId, ended);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ step: 'Train', message: expect.stringContaining('learningRate') });
    expect(failed.steps.at(-1)).toMatchObject({ name: 'Train', status: 'FAILED' });
    expect(await promotedHousing()).toBe(before);
  });

  it('answers a bad request with a 400 naming the field, and an unknown job with a 404', async () => {
    const bad = await api<{ error: { type: string; message: string } }>('POST', '/jobs', {
      model: 'housing',
      seed: 1.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('seed must be a whole number');
    const unknown = await api<{ error: { type: string } }>('GET', '/jobs/20200101-000000000-000000');
    expect(unknown.status).toBe(404);
  });

  it('stops a running job: ABORTED, latest unchanged', async () => {
    const before = await promotedHousing();
    const job = await waitFor((await start({ model: 'housing', algorithm: 'mlp' })).jobId, training);
    const stopped = await api<Job>('DELETE', `/jobs/${job.jobId}`);
    expect(stopped.status).toBe(200);
    const aborted = await waitFor(job.jobId, ended);
    expect(aborted).toMatchObject({ status: 'ABORTED', error: { type: 'Aborted', step: 'Train' } });
    expect((await api<{ error: { type: string } }>('DELETE', `/jobs/${job.jobId}`)).status).toBe(409);
    expect(await promotedHousing()).toBe(before);
  });

  it('reports a job whose worker was killed as FAILED after a restart, and keeps every record', async () => {
    const before = await promotedHousing();
    const job = await waitFor((await start({ model: 'housing', algorithm: 'forest' })).jobId, training);
    // The Lambda worker dies mid-training (serverless-offline and its workers, killed outright).
    process.kill(stack?.offlinePid as number, 'SIGKILL');
    await stack?.stop();
    await boot();
    const lost = await waitFor(job.jobId, ended, 120_000);
    expect(lost.status).toBe('FAILED');
    expect(lost.error?.step).toBe('Train');
    expect(await promotedHousing()).toBe(before);
    const { body } = await api<{ jobs: Job[] }>('GET', '/jobs?limit=20');
    expect(body.jobs.map((j) => j.status)).toEqual([
      'FAILED',
      'ABORTED',
      'FAILED',
      'SUCCEEDED',
      'SUCCEEDED',
      'SUCCEEDED',
    ]);
    expect(body.jobs.at(-1)?.jobId).toBe(first.jobId);
  });
});
