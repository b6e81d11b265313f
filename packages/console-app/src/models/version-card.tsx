import { MetricRows } from './metric-rows';
import { formatTime, type ModelVersion, plotSrc } from './registry';

interface Props {
  model: string;
  version: ModelVersion;
  busy: boolean;
  onPromote: (version: string) => void;
}

/** A version: when and how it was trained, its metrics, its plots and a promote button. */
export function VersionCard({ model, version, busy, onPromote }: Props) {
  const metrics = version.metrics ?? {};
  const promotable = !version.promoted && (version.state === undefined || version.state === 'complete');
  return (
    <section
      class={`card version${version.promoted ? ' promoted' : ''}`}
      aria-label={`${model} version ${version.version}`}
    >
      <header class="version-head">
        <h3>
          <code>{version.version}</code>
          {version.promoted && <span class="badge">promoted</span>}
        </h3>
        {promotable && (
          <button
            type="button"
            disabled={busy}
            onClick={() => onPromote(version.version)}
            aria-label={`Promote ${version.version}`}
          >
            Promote
          </button>
        )}
      </header>
      <p class="muted small">
        {version.algorithm ?? 'unknown algorithm'} · trained {formatTime(version.trainedAt)}
        {version.state && version.state !== 'complete' ? ` · ${version.state}` : ''}
      </p>
      <details open={version.promoted}>
        <summary>Metrics{version.plots ? ' and plots' : ''}</summary>
        {Object.keys(metrics).length > 0 ? (
          <table class="metrics">
            <MetricRows metrics={metrics} />
          </table>
        ) : (
          <p class="muted">No metrics recorded.</p>
        )}
        {version.plots && version.plots.length > 0 && (
          <div class="plots">
            {version.plots.map((plot) => (
              <figure key={plot.id} class="plot">
                <img src={plotSrc(plot.url)} alt={plot.title} loading="lazy" data-plot={plot.id} />
                <figcaption>{plot.title}</figcaption>
              </figure>
            ))}
          </div>
        )}
      </details>
    </section>
  );
}
