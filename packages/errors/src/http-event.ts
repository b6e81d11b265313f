// Here rather than in @serverless-ml/http because that package throws this one's ValidationError,
// and the error responder must tell HTTP events apart too: one definition, no dependency cycle.

/** True for a plain object (not null, not an array): a JSON object, an event, a parsed body. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An API Gateway event (REST or HTTP API); its fields are unchecked, so each is read with its own check. */
export interface HttpApiEvent {
  readonly requestContext: unknown;
  readonly headers: unknown;
  readonly [field: string]: unknown;
}

/** An API Gateway response: status, headers and the body as text. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** True for API Gateway (REST or HTTP API) events; false for direct `lambda invoke` events. */
export function isHttpEvent(event: unknown): event is HttpApiEvent {
  return isRecord(event) && 'requestContext' in event && 'headers' in event;
}

/** `value` as an API Gateway JSON response with the given status. */
export function jsonResponse(statusCode: number, value: unknown): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
