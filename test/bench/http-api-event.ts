import { randomUUID } from 'node:crypto';

/**
 * An API Gateway HTTP API (payload format 2.0) event for `GET route?query`, as Lambda receives it
 * behind `httpApi` in serverless.yml: what a bundled handler is called with in a cold-start child.
 */
export function httpApiGetEvent(route: string, query: Record<string, string>) {
  const rawQueryString = new URLSearchParams(query).toString();
  const now = new Date();
  const userAgent = 'serverless-ml-bench';
  return {
    version: '2.0',
    routeKey: `GET ${route}`,
    rawPath: route,
    rawQueryString,
    // HTTP APIs lower-case header names.
    headers: { accept: 'application/json', host: 'bench.execute-api.us-east-1.amazonaws.com', 'user-agent': userAgent },
    queryStringParameters: query,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method: 'GET', path: route, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent },
      requestId: randomUUID(),
      routeKey: `GET ${route}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
}

/** The JSON body of an API Gateway answer, or why it is not a 200 with a JSON object. */
export function okJsonBody(result: unknown): { body?: Record<string, unknown>; wrong?: string } {
  if (typeof result !== 'object' || result === null || !('statusCode' in result) || !('body' in result))
    return { wrong: `not an API Gateway answer: ${JSON.stringify(result).slice(0, 300)}` };
  if (result.statusCode !== 200 || typeof result.body !== 'string')
    return { wrong: `status ${String(result.statusCode)}: ${String(result.body).slice(0, 300)}` };
  const body: unknown = JSON.parse(result.body);
  if (typeof body !== 'object' || body === null)
    return { wrong: `body is not an object: ${result.body.slice(0, 300)}` };
  return { body: body as Record<string, unknown> };
}
