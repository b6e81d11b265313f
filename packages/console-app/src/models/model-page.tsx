import { useState } from 'preact/hooks';
import { type ApiError, callApi, postApi } from '../api';
import { ErrorNotice, Loading } from '../notices';
import { asApiError, useApi } from '../use-api';
import { formatTime, type ModelDetail, newestFirst } from './registry';
import { VersionCard } from './version-card';

type Action =
  | { state: 'idle' }
  | { state: 'busy'; what: string }
  | { state: 'done'; message: string }
  | { state: 'failed'; what: string; error: ApiError };

/** One model: its promoted version, promotion history, every version with metrics and plots. */
export function ModelPage({ name }: { name: string }) {
  const route = `models/${encodeURIComponent(name)}`;
  const model = useApi<ModelDetail>(route);
  const [action, setAction] = useState<Action>({ state: 'idle' });

  const run = async (what: string, path: string, body: unknown, done: (m: ModelDetail) => string) => {
    setAction({ state: 'busy', what });
    try {
      await postApi(`${route}/${path}`, body);
      // The answer is the new pointer; the page shows the registry as the API now reports it.
      const now = await callApi<ModelDetail>(route);
      model.replace(now);
      setAction({ state: 'done', message: done(now) });
    } catch (error) {
      setAction({ state: 'failed', what, error: asApiError(error) });
    }
  };
  const promote = (version: string) =>
    run(`POST /${route}/promote`, 'promote', { version }, (m) => `Promoted ${name}@${m.promoted ?? version}.`);
  const rollback = () =>
    run(`POST /${route}/rollback`, 'rollback', {}, (m) => `Rolled back: ${name} now serves ${m.promoted}.`);

  const previous = model.state === 'done' ? model.data.history?.[0] : undefined;
  return (
    <>
      <p class="crumbs">
        <a href="#/models">Models</a> / {name}
      </p>
      <h1 tabIndex={-1}>{name}</h1>
      {model.state === 'loading' && <Loading what={`model ${name}`} />}
      {model.state === 'failed' && <ErrorNotice error={model.error} what={`GET /${route}`} />}
      <div role="status" class="action-status">
        {action.state === 'busy' && `${action.what}…`}
        {action.state === 'done' && action.message}
      </div>
      {action.state === 'failed' && <ErrorNotice error={action.error} what={action.what} />}
      {model.state === 'done' && (
        <>
          <dl class="facts">
            <dt>promoted</dt>
            <dd>
              <code id="promoted-version">{model.data.promoted ?? 'none'}</code> since{' '}
              {formatTime(model.data.promotedAt)}
            </dd>
            {model.data.integrity && (
              <>
                <dt>integrity</dt>
                <dd class={model.data.integrity.state === 'verified' ? undefined : 'bad'}>
                  {model.data.integrity.state}
                  {model.data.integrity.problem ? `: ${model.data.integrity.problem}` : ''}
                </dd>
              </>
            )}
          </dl>
          {previous && (
            <p>
              <button type="button" onClick={rollback} disabled={action.state === 'busy'}>
                Roll back to {previous.version}
              </button>
            </p>
          )}
          <h2>Versions ({model.data.versions.length}, newest first)</h2>
          {newestFirst(model.data.versions).map((v) => (
            <VersionCard key={v.version} model={name} version={v} busy={action.state === 'busy'} onPromote={promote} />
          ))}
        </>
      )}
    </>
  );
}
