import { currentStep, type Job, type JobStep } from './job';

/** A duration as people read it: `0.4 s`, `12 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 10_000) return `${(safe / 1000).toFixed(1)} s`;
  const seconds = Math.floor(safe / 1000);
  if (seconds < 60) return `${seconds} s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} min`;
}

/** How long a step took, or has been running at `now`. */
export function stepDurationMs(step: JobStep, now: number): number {
  const end = step.endedAt ? Date.parse(step.endedAt) : now;
  return end - Date.parse(step.startedAt);
}

/** How long the job ran; while it runs, the API's figure plus the time since the answer was read. */
export function jobElapsedMs(job: Pick<Job, 'elapsedMs' | 'status'>, sinceAnswerMs: number): number {
  return job.status === 'RUNNING' ? job.elapsedMs + Math.max(0, sinceAnswerMs) : job.elapsedMs;
}

/** A status as a badge's words (`TIMED_OUT` → `timed out`). */
export const statusLabel = (status: string): string => status.toLowerCase().replace('_', ' ');

/** One line for a job: what it is doing, what it trained, or why it ended without a version. */
export function jobOutcome(job: Pick<Job, 'status' | 'steps' | 'result' | 'error'>): string {
  switch (job.status) {
    case 'RUNNING':
      return `running ${currentStep(job)?.name ?? 'the first step'}`;
    case 'SUCCEEDED':
      if (!job.result) return 'succeeded';
      return `${job.result.version}: ${job.result.promoted ? 'promoted' : 'kept, not promoted'}`;
    case 'FAILED':
      if (!job.error) return 'failed';
      return `${job.error.type}${job.error.step ? ` in ${job.error.step}` : ''}: ${job.error.message}`;
    case 'ABORTED':
      return `stopped${job.error?.step ? ` during ${job.error.step}` : ''}`;
    case 'TIMED_OUT':
      return `timed out${job.error ? `: ${job.error.message}` : ''}`;
  }
}

/** What a job was asked beyond its model, e.g. `linear · seed 7 · promote always`. */
export function requestSummary(request: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof request.algorithm === 'string') parts.push(request.algorithm);
  if (typeof request.seed === 'number') parts.push(`seed ${request.seed}`);
  if (request.hyperParameters !== undefined) parts.push(JSON.stringify(request.hyperParameters));
  parts.push(`promote ${request.promote === 'always' ? 'always' : 'if better'}`);
  return parts.join(' · ');
}
