import type { HttpResponse } from '@serverless-ml/http';

/**
 * A stored plot as an HTTP answer. A version's files never change (a retrain makes a new version),
 * so browsers may keep it; the CSP keeps an SVG opened on its own from running anything.
 */
export function svgResponse(svg: Uint8Array): HttpResponse {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400, immutable',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
    },
    body: Buffer.from(svg).toString('utf8'),
  };
}
