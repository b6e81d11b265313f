import './jobs.css';
import { useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { formatTime } from '../models/registry';
import { ErrorNotice, Loading } from '../notices';
import { asApiError } from '../use-api';
import { currentStep, type Job, jobRoute } from './job';
import { formatDuration, jobElapsedMs, requestSummary, statusLabel } from './job-format';
import { JobErrorView, JobResultView } from './job-outcome';
import { JobSteps } from './job-steps';
import { StatusBadge } from './status-badge';
import { useJob } from './use-job';

type Stopping = { state: 'idle' } | { state: 'busy' } | { state: 'failed'; error: ApiError };

/** The sentence a screen reader hears when the job moves on (not every second: durations stay out of it). */
const announce = (job: Job) =>
  job.status === 'RUNNING'
    ? `Running: ${currentStep(job)?.name ?? 'starting'}.`
    : `Job ${statusLabel(job.status)}${job.error?.step ? ` in step ${job.error.step}` : ''}.`;

/** One job, read again every second while it runs: its steps, then its version or its error; Stop while running. */
export function JobPage({ jobId }: { jobId: string }) {
  const watched = useJob(jobId);
  const [stopping, setStopping] = useState<Stopping>({ state: 'idle' });
  const job = watched.job;

  const stop = async () => {
    setStopping({ state: 'busy' });
    try {
      watched.replace(await callApi<Job>(jobRoute(jobId), { method: 'DELETE' }));
      setStopping({ state: 'idle' });
    } catch (error) {
      setStopping({ state: 'failed', error: asApiError(error) });
    }
  };

  const now = Date.now();
  return (
    <>
      <p class="crumbs">
        <a href="#/jobs">Jobs</a> / {jobId}
      </p>
      <h1 tabIndex={-1}>Job {jobId}</h1>
      {!job && !watched.error && <Loading what={`job ${jobId}`} />}
      {watched.error && <ErrorNotice error={watched.error} what={`GET /jobs/${jobId}`} />}
      <p role="status" class="sr-only">
        {job ? announce(job) : ''}
      </p>
      {job && (
        <section class="job" data-status={job.status} aria-label={`Job ${jobId}`}>
          <dl class="facts">
            <dt>status</dt>
            <dd>
              <StatusBadge id="job-status" status={job.status} />
            </dd>
            <dt>model</dt>
            <dd>
              <a href={`#/models/${encodeURIComponent(job.model)}`}>{job.model}</a> · {requestSummary(job.request)}
            </dd>
            <dt>submitted</dt>
            <dd>{formatTime(job.submittedAt)}</dd>
            <dt>elapsed</dt>
            <dd id="job-elapsed">{formatDuration(jobElapsedMs(job, now - watched.readAt))}</dd>
          </dl>
          {job.status === 'RUNNING' && (
            <p>
              <button type="button" class="stop" onClick={stop} disabled={stopping.state === 'busy'}>
                {stopping.state === 'busy' ? 'Stopping…' : 'Stop job'}
              </button>
            </p>
          )}
          {stopping.state === 'failed' && <ErrorNotice error={stopping.error} what={`DELETE /jobs/${jobId}`} />}
          <h2>Steps</h2>
          <JobSteps steps={job.steps} now={now} />
          {job.result && <JobResultView model={job.model} result={job.result} />}
          {job.error && <JobErrorView status={job.status} error={job.error} />}
        </section>
      )}
    </>
  );
}
