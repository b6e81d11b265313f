import { ErrorNotice, Loading } from '../notices';
import { useApi } from '../use-api';
import { formatTime, type ModelSummary } from './registry';

/** Every model in the registry (`GET /models`) with its promoted version. */
export function ModelsPage() {
  const models = useApi<{ models: ModelSummary[] }>('models');
  return (
    <>
      <h1 tabIndex={-1}>Models</h1>
      <p class="lede">
        Every model in the registry (<code>GET /models</code>). Open one for its versions, metrics and plots.
      </p>
      {models.state === 'loading' && <Loading what="the registry" />}
      {models.state === 'failed' && <ErrorNotice error={models.error} what="GET /models" />}
      {models.state === 'done' &&
        (models.data.models.length === 0 ? (
          <p>No model has been trained yet: `pnpm start` trains them, or invoke ml-train.</p>
        ) : (
          <ul class="cards">
            {models.data.models.map((m) => (
              <li key={m.name} class="card">
                <h2>
                  <a href={`#/models/${encodeURIComponent(m.name)}`}>{m.name}</a>
                </h2>
                <dl class="facts">
                  <dt>promoted</dt>
                  <dd>{m.promoted ? <code>{m.promoted}</code> : 'none'}</dd>
                  <dt>since</dt>
                  <dd>{formatTime(m.promotedAt)}</dd>
                  <dt>versions</dt>
                  <dd>{m.versions}</dd>
                </dl>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
