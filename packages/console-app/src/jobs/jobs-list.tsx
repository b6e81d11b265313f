import { useEffect, useState } from 'preact/hooks';
import { type ApiError, callApi } from '../api';
import { formatTime } from '../models/registry';
import { ErrorNotice, Loading } from '../notices';
import { asApiError } from '../use-api';
import { type JobList, POLL_MS } from './job';
import { formatDuration, jobOutcome, requestSummary } from './job-format';
import { StatusBadge } from './status-badge';

const PAGE = 10;
/** While a listed job runs the list is read again this often (each job has its own view for every second). */
const LIST_REFRESH_MS = 5 * POLL_MS;

type Listed = { state: 'loading' } | { state: 'done'; list: JobList } | { state: 'failed'; error: ApiError };

/** `GET /jobs?limit=&after=`, read again while one of its jobs runs; `after` pages back in time. */
function useJobList(after: string | undefined): Listed {
  const [listed, setListed] = useState<Listed>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const route = `jobs?limit=${PAGE}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const read = async () => {
      try {
        const list = await callApi<JobList>(route, { signal: controller.signal });
        setListed({ state: 'done', list });
        if (list.jobs.some((j) => j.status === 'RUNNING')) timer = setTimeout(read, LIST_REFRESH_MS);
      } catch (error) {
        if (!controller.signal.aborted) setListed({ state: 'failed', error: asApiError(error) });
      }
    };
    setListed({ state: 'loading' });
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [after]);
  return listed;
}

/** The recent jobs, newest first: status, elapsed time, outcome; each opens the job's view. */
export function JobsList() {
  const [pages, setPages] = useState<string[]>([]);
  const after = pages.at(-1);
  const listed = useJobList(after);
  return (
    <section aria-labelledby="recent-jobs">
      <h2 id="recent-jobs">Recent jobs{after ? ' (older)' : ''}</h2>
      {listed.state === 'loading' && <Loading what="the jobs" />}
      {listed.state === 'failed' && <ErrorNotice error={listed.error} what="GET /jobs" />}
      {listed.state === 'done' && listed.list.jobs.length === 0 && <p class="muted">No job has been started yet.</p>}
      {listed.state === 'done' && listed.list.jobs.length > 0 && (
        <ul class="job-list">
          {listed.list.jobs.map((job) => (
            <li key={job.jobId} class="card" data-job={job.jobId}>
              <div class="job-line">
                <a href={`#/jobs/${encodeURIComponent(job.jobId)}`}>
                  <code>{job.jobId}</code>
                </a>
                <StatusBadge status={job.status} />
              </div>
              <p class="small">
                <strong>{job.model}</strong> · {requestSummary(job.request)}
              </p>
              <p class="small muted">
                {formatTime(job.submittedAt)} · {formatDuration(job.elapsedMs)} · {jobOutcome(job)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p class="row">
        {after && (
          <button type="button" onClick={() => setPages([])}>
            Newest jobs
          </button>
        )}
        {listed.state === 'done' && listed.list.next && (
          <button type="button" onClick={() => setPages((p) => [...p, listed.list.next ?? ''])}>
            Older jobs
          </button>
        )}
      </p>
    </section>
  );
}
