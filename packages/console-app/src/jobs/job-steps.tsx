import type { JobStep } from './job';
import { formatDuration, stepDurationMs } from './job-format';
import { StatusBadge } from './status-badge';

/** The pipeline's steps so far, in order, each with its status and how long it took (or has run). */
export function JobSteps({ steps, now }: { steps: JobStep[]; now: number }) {
  if (steps.length === 0) return <p class="muted">No step has started yet.</p>;
  return (
    <ol class="job-steps">
      {steps.map((step, i) => (
        <li key={`${step.name}-${i}`} data-step={step.name} data-status={step.status}>
          <span class="step-name">{step.name}</span>
          <StatusBadge status={step.status} />
          <span class="step-time">{formatDuration(stepDurationMs(step, now))}</span>
        </li>
      ))}
    </ol>
  );
}
