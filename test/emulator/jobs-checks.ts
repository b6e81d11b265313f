import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type JobAnswer, newJobId } from '../../functions/jobs/src/job-record';
import { StepError } from './step-runner';

/** A job as `GET /jobs/{id}` answers it. */
type Job = JobAnswer;

async function readJob(apiBase: string, jobId: string): Promise<Job> {
  const res = await fetch(`${apiBase}/jobs/${jobId}`);
  const body = (await res.json()) as Job;
  if (res.status !== 200) throw new StepError(`GET /jobs/${jobId} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

async function waitForEnd(apiBase: string, jobId: string, timeoutMs: number): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await readJob(apiBase, jobId);
    if (job.status !== 'RUNNING') return job;
    if (Date.now() > deadline) throw new StepError(`job ${jobId} still RUNNING: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A linear housing model is worse than the promoted gbm: the pipeline must end in Keep. */
function expectKept(job: Job, how: string): string {
  const steps = job.steps.map((s) => `${s.name}:${s.status}`).join(' → ');
  if (job.status !== 'SUCCEEDED' || job.result?.promoted !== false || !steps.endsWith('Keep:SUCCEEDED')) {
    throw new StepError(`${how}: expected SUCCEEDED ending in Keep, got ${JSON.stringify(job)}`);
  }
  return `${how}: ${steps}, ${job.result.reason}`;
}

/**
 * Training jobs on MiniStack's Step Functions: one through `POST /jobs`, one started with the AWS
 * SDK's StartExecution (named like a job) and read through `GET /jobs/{id}`.
 */
export async function checkJobs(apiBase: string, emulatorPort: number, timeoutMs: number): Promise<string> {
  const res = await fetch(`${apiBase}/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'housing', algorithm: 'linear' }),
  });
  const started = (await res.json()) as Job;
  if (res.status !== 202 || started.status !== 'RUNNING') {
    throw new StepError(`POST /jobs answered ${res.status}: ${JSON.stringify(started)}`);
  }
  const viaApi = expectKept(await waitForEnd(apiBase, started.jobId, timeoutMs / 2), 'POST /jobs');

  const sfn = new SFNClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${emulatorPort}`,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const name = newJobId(new Date());
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:serverless-ml-local-training',
        name,
        input: JSON.stringify({ model: 'housing', algorithm: 'linear', promote: 'if-better' }),
      }),
    );
  } finally {
    sfn.destroy();
  }
  const viaSdk = expectKept(await waitForEnd(apiBase, name, timeoutMs / 2), 'StartExecution');
  return `${viaApi}; ${viaSdk}`;
}
