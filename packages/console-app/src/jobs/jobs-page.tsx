import './jobs.css';
import { JobsList } from './jobs-list';
import { StartJobForm } from './start-job-form';

/** Training jobs: start one (`POST /jobs`), then watch it on its own page; the recent ones below. */
export function JobsPage() {
  return (
    <>
      <h1 tabIndex={-1}>Training jobs</h1>
      <p class="lede">
        A job trains a new version on the training pipeline (Validate → Train → Evaluate → Promote or Keep) and promotes
        it when it beats the promoted version on the model's primary metric, or always if you say so.
      </p>
      <StartJobForm onStarted={(job) => (location.hash = `#/jobs/${encodeURIComponent(job.jobId)}`)} />
      <JobsList />
    </>
  );
}
