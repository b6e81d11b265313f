import type { JobRecord } from './job-record';

/** A job as the API answers it: the record, how long it has run, and where to poll it. */
export function answerJob(record: JobRecord, now: Date = new Date()) {
  const end = record.endedAt ? Date.parse(record.endedAt) : now.getTime();
  return {
    ...record,
    elapsedMs: Math.max(0, end - Date.parse(record.submittedAt)),
    statusUrl: `/jobs/${record.jobId}`,
  };
}
