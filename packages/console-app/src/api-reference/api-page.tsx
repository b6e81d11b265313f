import { ErrorNotice, Loading } from '../notices';
import { useApi } from '../use-api';
import { type Operation, operationsOf } from './openapi';
import { SchemaView } from './schema-view';

type Document = Record<string, unknown> & { info?: { title?: string; version?: string; description?: string } };

/** Moves focus (and the view) to an operation: the hash is the console's route, not an anchor. */
function jumpTo(id: string) {
  const target = document.getElementById(id);
  target?.focus();
  target?.scrollIntoView();
}

const anchor = (op: Operation) => `${op.method}-${op.path}`.replace(/[^A-Za-z0-9]+/g, '-');

function OperationView({ op }: { op: Operation }) {
  return (
    <section class="card operation" id={anchor(op)} tabIndex={-1} aria-labelledby={`${anchor(op)}-h`}>
      <h2 id={`${anchor(op)}-h`}>
        <span class={`method ${op.method.toLowerCase()}`}>{op.method}</span> <code>{op.path}</code>
      </h2>
      {op.summary && <p>{op.summary}</p>}
      {op.description && op.description !== op.summary && <p class="muted">{op.description}</p>}
      {op.parameters.length > 0 && (
        <>
          <h3>Parameters</h3>
          <ul class="params">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code class="prop">{p.name}</code> <span class="muted">in {p.in}</span>
                {p.required ? <span class="required"> required</span> : ''}
                {p.description && <span> — {p.description}</span>}
                {p.schema && <SchemaView node={p.schema} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {op.requestBody && (
        <>
          <h3>Request body{op.requestBody.required ? ' (required)' : ''}</h3>
          {op.requestBody.content.map((c) => (
            <div key={c.type}>
              <code class="media">{c.type}</code>
              {c.schema && <SchemaView node={c.schema} />}
            </div>
          ))}
        </>
      )}
      <h3>Responses</h3>
      <ul class="responses">
        {op.responses.map((r) => (
          <li key={r.status}>
            <strong class={`status s${r.status[0]}`}>{r.status}</strong> {r.description}
            {r.content.map((c) => (
              <details key={c.type}>
                <summary>
                  <code class="media">{c.type}</code>
                </summary>
                {c.schema && <SchemaView node={c.schema} />}
              </details>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The API reference, read from the API's own OpenAPI document (`GET /openapi.json`). */
export function ApiReferencePage() {
  const doc = useApi<Document>('openapi.json');
  const ops = doc.state === 'done' ? operationsOf(doc.data) : [];
  return (
    <>
      <h1 tabIndex={-1}>API reference</h1>
      <p class="lede">
        Read from the API's OpenAPI document, <a href="openapi.json">GET /openapi.json</a>, the one the request checks
        are generated from. Every error answers <code>{'{"error": {"type", "message"}}'}</code>.
      </p>
      {doc.state === 'loading' && <Loading what="the OpenAPI document" />}
      {doc.state === 'failed' && <ErrorNotice error={doc.error} what="GET /openapi.json" />}
      {doc.state === 'done' && (
        <>
          <p>
            <strong>{doc.data.info?.title}</strong>{' '}
            {doc.data.info?.version && <span class="muted">version {doc.data.info.version}</span>}
          </p>
          <nav aria-label="Operations" class="toc">
            <ul>
              {ops.map((op) => (
                <li key={anchor(op)}>
                  <button type="button" class="link" onClick={() => jumpTo(anchor(op))}>
                    <span class={`method ${op.method.toLowerCase()}`}>{op.method}</span> {op.path}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {ops.map((op) => (
            <OperationView key={anchor(op)} op={op} />
          ))}
        </>
      )}
    </>
  );
}
