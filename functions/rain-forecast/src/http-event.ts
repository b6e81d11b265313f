import { isRecord, readInput } from '@serverless-ml/http';

export interface ForecastEvent {
  /** API Gateway (HTTP or REST API) rather than a direct invocation. */
  http: boolean;
  params: Record<string, string | undefined>;
  /** The Accept header, HTTP only. */
  accept?: string;
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

function strings(value: unknown): Record<string, string | undefined> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, text(v)]));
}

/**
 * The query of an API Gateway event, or of a direct invocation whose event is the parameters
 * (`{"city": "Seattle"}`), each value cleaned by `@serverless-ml/http`'s rule.
 */
export function readForecastEvent(event: unknown): ForecastEvent {
  const input = readInput(event, { from: 'query' });
  if (!input.http) return { http: false, params: strings(input.params) };
  // HTTP APIs lower-case header names; REST APIs pass them as the client sent them.
  const headers = isRecord(input.event.headers) ? input.event.headers : {};
  const acceptName = Object.keys(headers).find((name) => name.toLowerCase() === 'accept');
  const accept = acceptName === undefined ? undefined : text(headers[acceptName]);
  return { http: true, params: input.params, accept };
}
