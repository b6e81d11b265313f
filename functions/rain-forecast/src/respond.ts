import type { RainForecast } from './forecast-rain';
import { renderForecastHtml } from './render-html';

/** Quality (q) the Accept header gives a media type, counting wildcard ranges (text/*, any); 0 when refused. */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => p.trim().split('=')).find(([k]) => k === 'q')?.[1];
    best = { specificity, q: q === undefined ? 1 : Number(q) || 0 };
  }
  return best.q;
}

/** True when the client prefers HTML to JSON (browsers); JSON wins ties and a missing header. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return quality(accept, 'text/html') > quality(accept, 'application/json');
}

/** The forecast as an API Gateway response: JSON, or HTML when the Accept header prefers it. */
export function forecastResponse(forecast: RainForecast, accept: string | undefined) {
  const asHtml = prefersHtml(accept);
  return {
    statusCode: 200,
    headers: {
      'content-type': asHtml ? 'text/html; charset=utf-8' : 'application/json',
      vary: 'accept',
      'cache-control': 'no-store',
      ...(asHtml && { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" }),
    },
    body: asHtml ? renderForecastHtml(forecast) : JSON.stringify(forecast),
  };
}
