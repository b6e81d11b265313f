import { callApi } from './api-client';
import type { JobsCommand } from './jobs-command';

/** A job as `GET /jobs/{id}` answers it (the fields the CLI prints). */
export interface JobView {
  jobId: string;
  model: string;
  status: string;
  submittedAt: string;
  elapsedMs: number;
  steps: { name: string; status: string; startedAt: string; endedAt?: string }[];
  result?: {
    version: string;
    algorithm?: string;
    metrics: Record<string, number>;
    promoted: boolean;
    reason: string;
    comparedWith?: string | null;
  };
  error?: { type: string; message: string; step: string | null };
}

export interface JobsIo {
  out: (text: string) => void;
  /** Progress lines while waiting (stderr: stdout stays the result). */
  progress: (text: string) => void;
  sleep: (ms: number) => Promise<void>;
  env: NodeJS.ProcessEnv;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const metrics = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([name, value]) => `${name} ${Number(value.toFixed(4))}`)
    .join(', ');

/** One job in a few lines: status, steps with their times, then the result or the error. */
export function formatJob(job: JobView): string {
  const lines = [`job ${job.jobId} (${job.model}): ${job.status} after ${seconds(job.elapsedMs)}`];
  for (const step of job.steps) {
    const took = step.endedAt ? ` ${seconds(Date.parse(step.endedAt) - Date.parse(step.startedAt))}` : '';
    lines.push(`  ${step.name.padEnd(9)} ${step.status}${took}`);
  }
  if (job.result) {
    const { version, algorithm, promoted } = job.result;
    lines.push(
      `  version   ${job.model}@${version}${algorithm ? ` (${algorithm})` : ''}: ${metrics(job.result.metrics)}`,
    );
    const stays =
      !promoted && job.result.comparedWith ? `; ${job.model}@${job.result.comparedWith} stays promoted` : '';
    lines.push(`  ${promoted ? 'promoted' : 'kept     '} ${job.result.reason}${stays}`);
  }
  if (job.error)
    lines.push(`  error     ${job.error.type} in ${job.error.step ?? 'the pipeline'}: ${job.error.message}`);
  return lines.join('\n');
}

function formatList(jobs: JobView[]): string {
  if (jobs.length === 0) return 'no jobs yet: pnpm ml jobs start <model>';
  const rows = jobs.map((j) => {
    const outcome = j.result
      ? `${j.result.version}${j.result.promoted ? ' (promoted)' : ''}`
      : j.error
        ? `${j.error.type} in ${j.error.step ?? 'the pipeline'}`
        : (j.steps.at(-1)?.name ?? '');
    return `${j.jobId}  ${j.model.padEnd(8)} ${j.status.padEnd(9)} ${seconds(j.elapsedMs).padStart(8)}  ${outcome}`;
  });
  return [
    `${'job'.padEnd(22)}  ${'model'.padEnd(8)} ${'status'.padEnd(9)} ${'elapsed'.padStart(8)}  outcome`,
    ...rows,
  ].join('\n');
}

/** Polls a job until it ends, printing a line when its step changes and every 10 s while it runs. */
async function waitFor(job: JobView, url: string | undefined, io: JobsIo, pollMs = 1000): Promise<JobView> {
  let shown = '';
  let lastLine = 0;
  let current = job;
  for (;;) {
    const step = current.steps.at(-1);
    const where = step ? `${step.name} ${step.status.toLowerCase()}` : 'starting';
    if (where !== shown || current.elapsedMs - lastLine >= 10_000) {
      io.progress(
        `[${seconds(current.elapsedMs).padStart(7)}] ${current.status === 'RUNNING' ? where : current.status}`,
      );
      shown = where;
      lastLine = current.elapsedMs;
    }
    if (current.status !== 'RUNNING') return current;
    await io.sleep(pollMs);
    current = (await callApi('GET', `/jobs/${encodeURIComponent(job.jobId)}`, { url }, io.env)) as JobView;
  }
}

/** Runs a jobs command against the API; the exit code is 1 when a waited-for job did not succeed. */
export async function runJobs(command: JobsCommand, io: JobsIo): Promise<number> {
  const print = (value: unknown, human: string) => io.out(command.json ? JSON.stringify(value, null, 2) : human);
  const { url, env } = { url: command.url, env: io.env };
  switch (command.kind) {
    case 'jobs-start':
    case 'jobs-status': {
      let job = (
        command.kind === 'jobs-start'
          ? await callApi('POST', '/jobs', { url, body: command.request }, env)
          : await callApi('GET', `/jobs/${encodeURIComponent(command.jobId)}`, { url }, env)
      ) as JobView;
      if (command.kind === 'jobs-start' && !command.json)
        io.progress(`started job ${job.jobId}: GET /jobs/${job.jobId}`);
      if (!command.wait) {
        print(job, formatJob(job));
        return 0;
      }
      job = await waitFor(job, url, io);
      print(job, formatJob(job));
      return job.status === 'SUCCEEDED' ? 0 : 1;
    }
    case 'jobs-list': {
      const query = command.limit === undefined ? '' : `?limit=${command.limit}`;
      const page = (await callApi('GET', `/jobs${query}`, { url }, env)) as { jobs: JobView[]; next?: string };
      print(page, formatList(page.jobs) + (page.next ? `\n… more: GET /jobs?after=${page.next}` : ''));
      return 0;
    }
    case 'jobs-stop': {
      const job = (await callApi('DELETE', `/jobs/${encodeURIComponent(command.jobId)}`, { url }, env)) as JobView;
      print(job, formatJob(job));
      return 0;
    }
  }
}
