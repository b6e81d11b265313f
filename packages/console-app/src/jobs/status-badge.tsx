import type { JobStatus } from './job';
import { statusLabel } from './job-format';

/** A job's or a step's status as a coloured badge whose words say it too (colour is never the only cue). */
export function StatusBadge({ status, id }: { status: JobStatus; id?: string }) {
  return (
    <span id={id} class={`status-badge ${status.toLowerCase()}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
