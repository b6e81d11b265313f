import { MetricRows } from '../models/metric-rows';
import type { Job, JobError, JobResult } from './job';

/** What a succeeded job trained: the version (linked to its model), its metrics, and why it was or was not promoted. */
export function JobResultView({ model, result }: { model: string; result: JobResult }) {
  return (
    <section class="card job-result" aria-labelledby="job-result-title">
      <h2 id="job-result-title">New version</h2>
      <dl class="facts">
        <dt>version</dt>
        <dd>
          <a
            href={`#/models/${encodeURIComponent(model)}`}
            aria-label={`${result.version}, on the ${model} model's page`}
          >
            <code id="job-version">{result.version}</code>
          </a>
        </dd>
        {result.algorithm && (
          <>
            <dt>algorithm</dt>
            <dd>{result.algorithm}</dd>
          </>
        )}
        <dt>promoted</dt>
        <dd id="job-promoted" class={result.promoted ? 'good' : undefined}>
          {result.promoted ? 'yes' : 'no'}: {result.reason}
        </dd>
        {result.comparedWith && (
          <>
            <dt>compared with</dt>
            <dd>
              <code>{result.comparedWith}</code>
              {result.metric ? ` on ${result.metric}` : ''}
            </dd>
          </>
        )}
      </dl>
      <table class="metrics">
        <caption class="muted small">Metrics on the test rows</caption>
        <MetricRows metrics={result.metrics} />
      </table>
    </section>
  );
}

/** Why a job ended without a version: the error's type, the step it happened in, and its message. */
export function JobErrorView({ status, error }: { status: Job['status']; error: JobError }) {
  const what = status === 'ABORTED' ? 'Stopped' : status === 'TIMED_OUT' ? 'Timed out' : 'Failed';
  return (
    <div id="job-error" class="notice error" role="alert">
      <strong>
        {what}
        {error.step ? ` in step ${error.step}` : ''}
      </strong>{' '}
      (<code id="job-error-type">{error.type}</code>): <span id="job-error-message">{error.message}</span>
    </div>
  );
}
