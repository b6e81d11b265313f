import { plotStores } from './stores-plot';

/** What `GET /stores/nearest` answers. */
export interface NearestStores {
  query: { latitude: number; longitude: number };
  k: number;
  modelVersion: string;
  stores: { id: string; name: string; address: string; latitude: number; longitude: number; distance_km: number }[];
}

const SIZE = 240;
const MARGIN = 24;

/** The stores nearest first with their distances, and where they lie around the query. */
export function StoresResult({ nearest }: { nearest: NearestStores }) {
  const points = plotStores(
    nearest.query,
    nearest.stores.map((s) => ({ ...s, label: s.id })),
    SIZE,
    MARGIN,
  );
  const farthest = Math.max(0, ...nearest.stores.map((s) => s.distance_km));
  return (
    <section class="card result stores-result" aria-labelledby="stores-heading">
      <h2 id="stores-heading">
        {nearest.stores.length} nearest to {nearest.query.latitude}, {nearest.query.longitude}
      </h2>
      <div class="stores-layout">
        <ol class="stores">
          {nearest.stores.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> <span class="muted">({s.id})</span>
              <br />
              {s.address} — <span class="distance">{s.distance_km.toFixed(1)} km</span>
            </li>
          ))}
        </ol>
        <svg class="stores-plot" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="stores-plot-title">
          <title id="stores-plot-title">Stores around the query point, north up (local projection)</title>
          <rect x="0.5" y="0.5" width={SIZE - 1} height={SIZE - 1} class="plot-frame" />
          {/* The farthest store lies on this circle: a distance scale without axes. */}
          <circle cx={SIZE / 2} cy={SIZE / 2} r={SIZE / 2 - MARGIN} class="plot-ring" />
          <text x={SIZE / 2} y={SIZE - 6} class="plot-axis" text-anchor="middle">
            {farthest.toFixed(1)} km
          </text>
          <text x={SIZE / 2} y="14" class="plot-axis" text-anchor="middle">
            N
          </text>
          {points.map((p, i) => (
            <g key={p.label}>
              <circle cx={p.x} cy={p.y} r={i === 0 ? 5 : 4} class={i === 0 ? 'store nearest' : 'store'} />
              <text x={p.x + 7} y={p.y + 4} class="plot-label">
                {p.label}
              </text>
            </g>
          ))}
          <path d={`M${SIZE / 2 - 6} ${SIZE / 2}h12M${SIZE / 2} ${SIZE / 2 - 6}v12`} class="query-mark" />
        </svg>
      </div>
      <p class="muted small">
        model version <code>{nearest.modelVersion}</code>
      </p>
    </section>
  );
}
