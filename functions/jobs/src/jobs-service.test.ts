import { NotFoundError } from '@serverless-ml/errors';
// The model-store package's in-memory S3 (a test fixture, not exported by the package).
import { mockBucket } from '../../../packages/model-store/src/mock-bucket.fixture';
import { JobConflictError } from './job-errors';
import { jobKey } from './job-record';
import type { ExecutionSnapshot } from './job-status';
import { type JobsDeps, listJobs, type PipelineExecutions, readJob, startJob, stopJob } from './jobs-service';

const bucket = mockBucket(2);
afterAll(() => bucket.mock.restore());

/** Step Functions in memory: executions by ARN, as a test sets them. */
function fakePipeline() {
  const executions = new Map<string, ExecutionSnapshot>();
  const stopped: string[] = [];
  const calls: string[] = [];
  const arnOf = (name: string) => `arn:aws:states:us-east-1:000000000000:execution:training:${name}`;
  const pipeline: PipelineExecutions & { failStart?: Error } = {
    arnOf,
    async start(name) {
      calls.push(`start ${name}, record ${bucket.objects.has(jobKey(name)) ? 'written' : 'missing'}`);
      if (pipeline.failStart) throw pipeline.failStart;
      executions.set(arnOf(name), { status: 'RUNNING', events: [] });
      return arnOf(name);
    },
    async snapshot(arn) {
      return executions.get(arn);
    },
    async stop(arn) {
      stopped.push(arn);
      const execution = executions.get(arn);
      if (execution) execution.status = 'ABORTED';
    },
  };
  return { pipeline, executions, stopped, calls };
}

let clock: Date;
let fake: ReturnType<typeof fakePipeline>;
let deps: JobsDeps;
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

beforeEach(() => {
  bucket.objects.clear();
  clock = new Date('2026-12-01T12:00:00Z');
  fake = fakePipeline();
  deps = { store: bucket.objectStore, executions: fake.pipeline, now: () => clock, pipelineTimeoutSeconds: 600 };
});

const request = { model: 'housing', promote: 'if-better', algorithm: 'gbm' };

describe('startJob', () => {
  it('writes the RUNNING record before it starts the execution named after the job', async () => {
    const job = await startJob(request, deps);
    expect(fake.calls).toEqual([`start ${job.jobId}, record written`]);
    expect(bucket.json(jobKey(job.jobId))).toMatchObject({
      jobId: job.jobId,
      status: 'RUNNING',
      request,
      executionArn: expect.stringContaining(`:execution:training:${job.jobId}`),
      deadline: '2026-12-01T12:11:00.000Z',
    });
  });

  it('records FAILED, and raises, when the execution cannot start', async () => {
    fake.pipeline.failStart = new Error('AccessDeniedException: not allowed');
    await expect(startJob(request, deps)).rejects.toThrow('not allowed');
    const [key] = [...bucket.objects.keys()];
    expect(bucket.json(key)).toMatchObject({
      status: 'FAILED',
      error: { type: 'StartExecutionFailed', message: expect.stringContaining('not allowed'), step: null },
    });
  });
});

describe('readJob', () => {
  it('is a 404 naming the id for an unknown or malformed job id', async () => {
    await expect(readJob('20261201-120000000-abcdef', deps)).rejects.toThrow(NotFoundError);
    await expect(readJob('../../models/digits/latest', deps)).rejects.toThrow('no job "../../models/digits/latest"');
  });

  it('follows the execution and keeps the record once it has ended', async () => {
    const job = await startJob(request, deps);
    const output = {
      train: { version: 'v2', metrics: { r2: 0.8 } },
      evaluation: { reason: 'first' },
      promotion: { promoted: true },
    };
    fake.executions.set(job.executionArn, {
      status: 'SUCCEEDED',
      stopDate: clock,
      output: JSON.stringify(output),
      events: [],
    });
    const done = await readJob(job.jobId, deps);
    expect(done).toMatchObject({ status: 'SUCCEEDED', result: { version: 'v2', promoted: true } });
    expect(bucket.json(jobKey(job.jobId))).toMatchObject({ status: 'SUCCEEDED' });
    // Once ended, the record is the answer: the execution is not asked again (its history may expire).
    fake.executions.clear();
    expect((await readJob(job.jobId, deps)).status).toBe('SUCCEEDED');
  });

  it('reports TIMED_OUT, and stops the execution, when a job still runs past its deadline', async () => {
    const job = await startJob(request, deps);
    later(600_000);
    expect((await readJob(job.jobId, deps)).status).toBe('RUNNING');
    later(61_000);
    const timedOut = await readJob(job.jobId, deps);
    expect(timedOut).toMatchObject({ status: 'TIMED_OUT', error: { type: 'JobDeadlineExceeded' } });
    expect(fake.stopped).toEqual([job.executionArn]);
    expect(bucket.json(jobKey(job.jobId))).toMatchObject({ status: 'TIMED_OUT' });
  });

  it('reports FAILED, never RUNNING forever, when the execution is gone (the stack restarted)', async () => {
    const job = await startJob(request, deps);
    fake.executions.clear();
    // Just submitted: StartExecution may still be on its way.
    expect((await readJob(job.jobId, deps)).status).toBe('RUNNING');
    later(31_000);
    expect(await readJob(job.jobId, deps)).toMatchObject({
      status: 'FAILED',
      error: { type: 'ExecutionLost', message: expect.stringContaining('no longer exists') },
    });
  });
});

describe('an execution started without the jobs API', () => {
  it('becomes a job when it is read by its name, and is listed from then on', async () => {
    const name = '20261201-115959000-0a0b0c';
    const input = JSON.stringify({ model: 'rain', promote: 'always' });
    fake.executions.set(fake.pipeline.arnOf(name), { status: 'RUNNING', startDate: clock, input, events: [] });
    expect(await readJob(name, deps)).toMatchObject({
      jobId: name,
      model: 'rain',
      request: { model: 'rain', promote: 'always' },
      status: 'RUNNING',
      submittedAt: clock.toISOString(),
    });
    expect((await listJobs({ limit: 5 }, deps)).jobs.map((j) => j.jobId)).toEqual([name]);
  });
});

describe('stopJob', () => {
  it('stops a running job, which then reads ABORTED', async () => {
    const job = await startJob(request, deps);
    expect(await stopJob(job.jobId, deps)).toMatchObject({ status: 'ABORTED', error: { type: 'Aborted' } });
  });

  it('is a conflict for a job that has already ended', async () => {
    const job = await startJob(request, deps);
    fake.executions.set(job.executionArn, { status: 'FAILED', error: 'States.Runtime', cause: 'x', events: [] });
    await expect(stopJob(job.jobId, deps)).rejects.toThrow(JobConflictError);
    await expect(stopJob(job.jobId, deps)).rejects.toThrow('has already ended: FAILED');
  });
});

describe('listJobs', () => {
  it('lists the newest jobs first, a page at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await startJob({ ...request, seed: i }, deps)).jobId);
      later(1000);
    }
    const first = await listJobs({ limit: 2 }, deps);
    expect(first.jobs.map((j) => j.jobId)).toEqual([ids[4], ids[3]]);
    const second = await listJobs({ limit: 2, after: first.next }, deps);
    expect(second.jobs.map((j) => j.jobId)).toEqual([ids[2], ids[1]]);
    const last = await listJobs({ limit: 2, after: second.next }, deps);
    expect(last).toEqual({ jobs: [expect.objectContaining({ jobId: ids[0] })] });
  });
});
