import { randomUUID } from 'node:crypto';

interface RequestParts {
  method: 'GET' | 'POST';
  /** The route as serverless.yml declares it: `/stores/nearest`, `/endpoints/{name}/invocations`. */
  route: string;
  /** The path the client asked for, path parameters filled in. */
  path: string;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

/** An API Gateway HTTP API (payload format 2.0) event, as Lambda receives it behind `httpApi` in serverless.yml. */
function httpApiEvent(r: RequestParts) {
  const rawQueryString = new URLSearchParams(r.query).toString();
  const now = new Date();
  const userAgent = 'serverless-ml-bench';
  const routeKey = `${r.method} ${r.route}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: r.path,
    rawQueryString,
    // HTTP APIs lower-case header names.
    headers: {
      accept: 'application/json',
      host: 'bench.execute-api.us-east-1.amazonaws.com',
      'user-agent': userAgent,
      ...r.headers,
    },
    ...(r.query ? { queryStringParameters: r.query } : {}),
    ...(r.pathParameters ? { pathParameters: r.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method: r.method, path: r.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(r.body === undefined ? {} : { body: r.body }),
    isBase64Encoded: false,
  };
}

/** `GET route?query` as an HTTP API event: what a bundled handler is called with in a cold-start child. */
export function httpApiGetEvent(route: string, query: Record<string, string>) {
  return httpApiEvent({ method: 'GET', route, path: route, query });
}

/** `POST path` with a text body (route `route`, e.g. `/endpoints/{name}/invocations`) as an HTTP API event. */
export function httpApiPostEvent(
  route: string,
  path: string,
  pathParameters: Record<string, string>,
  headers: Record<string, string>,
  body: string,
) {
  return httpApiEvent({ method: 'POST', route, path, pathParameters, headers, body });
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
