import type { BenchResults, FigureName } from './bench-results';
import { trainOnStack } from './bench-stack';
import type { StackContext } from './stack-context';
import { median, round } from './stats';

/** Every figure of the jobs phase. */
export const JOBS_FIGURES: FigureName[] = [
  'jobs.submit_to_running_ms',
  'jobs.end_to_end_ms',
  'jobs.bare_train_ms',
  'jobs.pipeline_overhead_ms',
  'jobs.runs',
];
const REQUEST = { model: 'housing', algorithm: 'gbm' };
const POLL_MS = 25;

interface JobAnswer {
  jobId: string;
  status: string;
  steps: { name: string }[];
  error?: unknown;
}

async function call(ctx: StackContext, method: string, route: string, body?: unknown): Promise<JobAnswer> {
  const res = await fetch(`${ctx.stack.httpUrl}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const answer = (await res.json()) as JobAnswer;
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * One housing gbm job through `POST /jobs`, polled every 25 ms: until its first step has started
 * (the execution is running our code) and until it has ended. Each poll is a GET through the
 * stack, so both times carry up to one poll's delay.
 */
async function timeJob(ctx: StackContext): Promise<{ running: number; ended: number }> {
  const started = performance.now();
  const { jobId } = await call(ctx, 'POST', '/jobs', REQUEST);
  let running: number | undefined;
  for (;;) {
    const job = await call(ctx, 'GET', `/jobs/${jobId}`);
    const now = performance.now() - started;
    if (running === undefined && job.steps.length > 0) running = now;
    if (job.status !== 'RUNNING') {
      if (job.status !== 'SUCCEEDED') throw new Error(`job ${jobId} ended ${job.status}: ${JSON.stringify(job.error)}`);
      return { running: running ?? now, ended: now };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Training jobs on the embedded stack (housing, gbm): submit → running, submit → succeeded, and
 * the same training invoked bare (ml-train through the Lambda API, `promote: false`); the
 * pipeline's overhead is the difference of the medians (Validate, Evaluate, the Choice, Keep or
 * Promote, the jobs function's calls and the runner).
 */
export async function measureJobs(results: BenchResults, ctx: StackContext, runs: number): Promise<void> {
  ctx.log(
    `jobs: housing gbm, ${runs} bare ml-train invocations and ${runs} jobs through POST /jobs (+1 warm-up each)…`,
  );
  // Interleaved, so that a warmer JIT or a busier machine favours neither.
  const bare: number[] = [];
  const jobs: { running: number; ended: number }[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await trainOnStack(ctx.stack, 'housing', { algorithm: 'gbm', promote: false });
    const bareMs = performance.now() - t;
    const timed = await timeJob(ctx);
    if (i === 0) continue;
    bare.push(bareMs);
    jobs.push(timed);
  }
  const endToEnd = median(jobs.map((j) => j.ended));
  const bareTrain = median(bare);
  Object.assign(results.jobs, {
    submit_to_running_ms: round(median(jobs.map((j) => j.running)), 1),
    end_to_end_ms: round(endToEnd, 1),
    bare_train_ms: round(bareTrain, 1),
    pipeline_overhead_ms: round(endToEnd - bareTrain, 1),
    runs,
  });
}
