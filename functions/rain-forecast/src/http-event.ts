import { isHttpEvent } from '@serverless-ml/errors';
import { invocationParams, queryParamsOf } from '@serverless-ml/http';

export interface ForecastEvent {
  /** API Gateway (HTTP or REST API) rather than a direct invocation. */
  http: boolean;
  params: Record<string, string | undefined>;
  /** The Accept header, HTTP only. */
  accept?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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
  if (!isHttpEvent(event) || !isRecord(event)) return { http: false, params: strings(invocationParams(event)) };
  // HTTP APIs lower-case header names; REST APIs pass them as the client sent them.
  const headers = isRecord(event.headers) ? event.headers : {};
  const acceptName = Object.keys(headers).find((name) => name.toLowerCase() === 'accept');
  const accept = acceptName === undefined ? undefined : text(headers[acceptName]);
  return { http: true, params: queryParamsOf(event), accept };
}
