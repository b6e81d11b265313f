import { type HttpApiEvent, isHttpEvent, jsonResponse } from '@serverless-ml/errors';
import { jsonObjectBody } from './json-body';
import { invocationParams, queryParamsOf, refuseQueryParams } from './query-params';

/** A query route's input: an HTTP event's query, or a direct invocation's fields, both cleaned by the rule. */
export type QueryInput =
  | { http: true; event: HttpApiEvent; params: Record<string, string> }
  | { http: false; params: unknown };

/** A JSON-body route's input: an HTTP event's body as an object (`undefined` when empty), or a direct invocation's event. */
export type BodyInput =
  | { http: true; event: HttpApiEvent; body: Record<string, unknown> | undefined }
  | { http: false; body: unknown };

/** Where a route reads its input from; a body route refuses query parameters, `queryHint` saying where they go. */
export type InputSource = { from: 'query' } | { from: 'body'; queryHint: string };

/**
 * The one way a handler reads its input, from an API Gateway event or a direct invocation. A
 * direct invocation is read as the route's HTTP input would be: a query route cleans its fields
 * by the query rule (anything but an object is passed on for the schema to refuse); a body route
 * takes the event as it came, as a parsed JSON body.
 */
export function readInput(event: unknown, source: { from: 'query' }): QueryInput;
export function readInput(event: unknown, source: { from: 'body'; queryHint: string }): BodyInput;
export function readInput(event: unknown, source: InputSource): QueryInput | BodyInput {
  if (source.from === 'query') {
    return isHttpEvent(event)
      ? { http: true, event, params: queryParamsOf(event) }
      : { http: false, params: invocationParams(event) };
  }
  if (!isHttpEvent(event)) return { http: false, body: event };
  refuseQueryParams(event, source.queryHint);
  return { http: true, event, body: jsonObjectBody(event) };
}

/** A handler's answer: a 200 JSON response for an HTTP event, the result itself for a direct invocation. */
export function ok<T>(result: T, http: boolean) {
  return http ? jsonResponse(200, result) : result;
}
