import { ValidationError } from '@serverless-ml/errors';
import { isRecord, queryParamsOf, refuseQueryParams } from '@serverless-ml/http';
import { checkModelName } from '@serverless-ml/model-store/names';
import { type AnswerFormat, answerFormatOf, bodyFormatOf } from './content-negotiation';
import { PayloadTooLargeError } from './invocation-errors';
import { type InvocationSettings, readInvocationSettings } from './invocation-settings';
import type { BodyFormat } from './parse-invocation';

/** `POST /endpoints/{name}/invocations`, read and checked up to the body's rows (which need the model). */
export interface Invocation extends InvocationSettings {
  kind: 'invoke';
  model: string;
  body: string;
  format: BodyFormat;
  answer: AnswerFormat;
}

/** `GET /ping`, or an invocation. */
export type InvocationRequest = { kind: 'ping' } | Invocation;

export interface RequestLimits {
  maxBodyBytes: number;
  maxK: number;
}

function headersOf(event: Record<string, unknown>): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  if (!isRecord(event.headers)) return headers;
  // HTTP API (payload 2.0) lower-cases header names already; a REST API or a test event may not.
  for (const [name, value] of Object.entries(event.headers)) {
    if (typeof value === 'string') headers[name.toLowerCase()] = value;
  }
  return headers;
}

function routeOf(event: Record<string, unknown>): string {
  if (typeof event.routeKey === 'string') return event.routeKey;
  const http = isRecord(event.requestContext) ? event.requestContext.http : undefined;
  return isRecord(http) && http.method === 'GET' ? 'GET /ping' : 'POST /endpoints/{name}/invocations';
}

function bodyOf(event: Record<string, unknown>, maxBodyBytes: number): string {
  const raw = typeof event.body === 'string' ? event.body : '';
  const bytes = event.isBase64Encoded === true ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) {
    throw new PayloadTooLargeError(
      `the request body has ${bytes.length} bytes; an invocation takes at most ${maxBodyBytes} (${maxBodyBytes / 1024 / 1024} MiB): split it`,
      { maxBodyBytes, bytes: bytes.length },
    );
  }
  return bytes.toString('utf8');
}

/**
 * Reads an API Gateway (HTTP API) event: the route, the model name, the body's format
 * (`Content-Type`, 415), the answer's (`Accept`, 406), the body (413 over `maxBodyBytes`), and the
 * version and k settings. The rows themselves are read by parseInvocation once the model is known.
 */
export function readInvocationRequest(event: unknown, limits: RequestLimits): InvocationRequest {
  if (!isRecord(event) || !isRecord(event.requestContext)) {
    throw new ValidationError('invoke this function over HTTP: POST /endpoints/{name}/invocations, or GET /ping');
  }
  if (routeOf(event) === 'GET /ping') {
    refuseQueryParams(event, 'GET /ping takes none');
    return { kind: 'ping' };
  }
  const name = isRecord(event.pathParameters) ? event.pathParameters.name : undefined;
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError('the path must name a model: POST /endpoints/{name}/invocations');
  }
  const headers = headersOf(event);
  const format = bodyFormatOf(headers['content-type']);
  const answer = answerFormatOf(headers.accept);
  const settings = readInvocationSettings(queryParamsOf(event), headers, limits.maxK);
  const body = bodyOf(event, limits.maxBodyBytes);
  return { kind: 'invoke', model: checkModelName(name), body, format, answer, ...settings };
}
