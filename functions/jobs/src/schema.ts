import { isHttpEvent, isRecord, ValidationError } from '@serverless-ml/errors';
import { jsonObjectBody, queryParamsOf, unknownParamsMessage } from '@serverless-ml/http';
import { parseTrainingRequest } from '@serverless-ml/training-pipeline/schema';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** What the jobs API was asked. */
export type JobsRequest =
  | { kind: 'start'; request: Record<string, unknown> & { model: string } }
  | { kind: 'read'; jobId: string }
  | { kind: 'stop'; jobId: string }
  | { kind: 'list'; limit: number; after?: string };

function pageSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_PAGE}, got "${value}"`);
  }
  return n;
}

/** The training request, validated as the pipeline's Validate step will: a 400 now instead of a FAILED job. */
function startRequest(body: Record<string, unknown> | undefined): JobsRequest {
  if (!body)
    throw new ValidationError('send a training request as JSON, e.g. {"model": "housing", "algorithm": "gbm"}');
  const job = parseTrainingRequest(body);
  const { model: _model, promote: _promote, ...fields } = job.trainEvent;
  return { kind: 'start', request: { model: job.model, promote: job.promote, ...fields } };
}

/** Reads `POST /jobs`, `GET /jobs`, `GET /jobs/{id}` and `DELETE /jobs/{id}` events. */
export function parseJobsRequest(event: unknown): JobsRequest {
  if (!isHttpEvent(event)) throw new ValidationError('the jobs function answers API Gateway events (POST/GET /jobs)');
  const http = isRecord(event.requestContext) && isRecord(event.requestContext.http) ? event.requestContext.http : {};
  const method = typeof http.method === 'string' ? http.method.toUpperCase() : 'GET';
  const id = isRecord(event.pathParameters) ? event.pathParameters.id : undefined;
  const query = queryParamsOf(event);
  const extra = Object.keys(query).filter(
    (name) => !(method === 'GET' && id === undefined && ['limit', 'after'].includes(name)),
  );
  if (extra.length) {
    const hint =
      method === 'GET' && id === undefined
        ? 'GET /jobs takes limit and after'
        : `${method} ${id === undefined ? '/jobs' : '/jobs/{id}'} takes none`;
    throw new ValidationError(unknownParamsMessage(extra, hint));
  }
  if (typeof id === 'string') return method === 'DELETE' ? { kind: 'stop', jobId: id } : { kind: 'read', jobId: id };
  if (method === 'POST') return startRequest(jsonObjectBody(event));
  return { kind: 'list', limit: pageSize(query.limit), after: query.after };
}
