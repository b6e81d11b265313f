import { count, ms, type Row } from './report-row';

/** Training jobs on the embedded stack (jobs-phase.ts): housing gbm through POST /jobs. */
export const JOBS_ROWS: Row[] = [
  { path: ['jobs', 'runs'], label: 'jobs: housing gbm jobs timed (after a warm-up)', show: count, reference: '—' },
  {
    path: ['jobs', 'submit_to_running_ms'],
    label: 'jobs: POST /jobs → first step running (median)',
    show: ms,
    reference: '—',
  },
  {
    path: ['jobs', 'end_to_end_ms'],
    label: 'jobs: POST /jobs → SUCCEEDED (median)',
    show: ms,
    reference: (r) => (typeof r.jobs.bare_train_ms === 'number' ? `bare ml-train ${ms(r.jobs.bare_train_ms)}` : '—'),
  },
  {
    path: ['jobs', 'pipeline_overhead_ms'],
    label: 'jobs: the pipeline over a bare training call',
    show: ms,
    reference: '—',
  },
];
