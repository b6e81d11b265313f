import type { RainForecast } from './forecast-rain';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A template tag that escapes every interpolated value; nest `raw(...)` for trusted markup. */
function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  return new Raw(strings.reduce((out, s, i) => out + (i === 0 ? '' : render(values[i - 1])) + s, ''));
}

class Raw {
  constructor(readonly markup: string) {}
}

function render(value: unknown): string {
  if (value instanceof Raw) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return value === undefined ? '' : escapeHtml(value);
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const SOURCES = { query: 'sent with the request', recorded: 'recorded', 'open-meteo': 'from Open-Meteo' };

function placeLine(f: RainForecast): Raw {
  const { place } = f;
  const country = place.countryName ?? place.country;
  const point = `${place.latitude.toFixed(4)}, ${place.longitude.toFixed(4)}`;
  return place.match === 'nearest'
    ? html`${point} — ${place.distanceKm} km from ${place.name}, ${country}`
    : html`${place.name}, ${country} (${point}, population ${place.population.toLocaleString('en')})`;
}

function observationsTable(f: RainForecast): Raw {
  const days = [f.observations.today, ...f.observations.previous];
  const rows = days.map(
    (d) =>
      html`<tr><td>${d.date}</td><td>${d.precipitation}</td><td>${d.temp_max}</td><td>${d.temp_min}</td><td>${d.wind}</td></tr>`,
  );
  return html`<table><tr><th>date</th><th>precipitation (mm)</th><th>max (°C)</th><th>min (°C)</th><th>wind (m/s)</th></tr>${rows}</table>`;
}

/** The forecast as a small self-contained page (the tutorial answered in HTML). */
export function renderForecastHtml(f: RainForecast): string {
  const verdict = f.rainTomorrow ? 'Rain is likely' : 'Rain is unlikely';
  const actual = f.actual
    ? html`<p>What happened on ${f.actual.date}: ${f.actual.precipitation} mm — ${f.actual.rained ? 'it rained' : 'it stayed dry'}, so the forecast was <strong>${f.actual.forecastWasRight ? 'right' : 'wrong'}</strong>.</p>`
    : undefined;
  const recordedAt = f.observations.recordedAt ? ` in ${f.observations.recordedAt}` : '';
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Rain tomorrow in ${f.place.name}: ${percent(f.probability)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}td,th{padding:0 .6rem;text-align:right}.caveat{background:#fff6d5;padding:.5rem 1rem}</style>
</head><body>
<h1>${verdict} in ${f.place.name} on ${f.forecastFor}: ${percent(f.probability)}</h1>
<p>${placeLine(f)}</p>
<p class="caveat">${f.caveat.message}</p>
${actual}
<h2>Weather used: ${SOURCES[f.observations.source]}${recordedAt}</h2>
${observationsTable(f)}
<p><small>Model ${f.modelVersion} · request ${f.requestId} · places: GeoNames (CC BY 4.0)</small></p>
</body></html>
`;
  return page.markup;
}
