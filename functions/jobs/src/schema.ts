import { isHttpEvent, isRecord, ValidationError, validationErrorFrom } from '@serverless-ml/errors';
import { jsonObjectBody, numberParam, queryParamsOf, unknownParamsMessage } from '@serverless-ml/http';
import { parseTrainingRequest } from '@serverless-ml/training-pipeline/schema';
import * as z from 'zod/mini';
import { JOB_ID } from './job-record';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/** `GET /jobs`'s query: the page size and the last job id of the previous page. */
export const jobsQuerySchema = z.strictObject({
  limit: z._default(numberParam({ min: 1, max: MAX_PAGE, whole: true }), DEFAULT_PAGE),
  after: z.optional(
    z.string().check(z.regex(JOB_ID, { error: 'must be a job id (YYYYMMDD-HHMMSSmmm-xxxxxx), the next of a page' })),
  ),
});

/** `/jobs/{id}`: any text is looked up; one that is not a job id is a 404 like any unknown job. */
export const jobPathSchema = z.object({ id: z.string().check(z.minLength(1)) });

/** What the jobs API was asked. */
export type JobsRequest =
  | { kind: 'start'; request: Record<string, unknown> & { model: string } }
  | { kind: 'read'; jobId: string }
  | { kind: 'stop'; jobId: string }
  | { kind: 'list'; limit: number; after?: string };

/** The training request, validated as the pipeline's Validate step will: a 400 now instead of a FAILED job. */
function startRequest(body: Record<string, unknown> | undefined): JobsRequest {
  if (!body)
    throw new ValidationError('send a training request as JSON, e.g. {"model": "housing", "algorithm": "gbm"}');
  const job = parseTrainingRequest(body);
  const { model: _model, promote: _promote, ...fields } = job.trainEvent;
  return { kind: 'start', request: { model: job.model, promote: job.promote, ...fields } };
}

function listRequest(query: Record<string, string>): JobsRequest {
  const parsed = jobsQuerySchema.safeParse(query);
  if (!parsed.success) throw validationErrorFrom(parsed.error.issues);
  return { kind: 'list', ...parsed.data };
}

/** Reads `POST /jobs`, `GET /jobs`, `GET /jobs/{id}` and `DELETE /jobs/{id}` events. */
export function parseJobsRequest(event: unknown): JobsRequest {
  if (!isHttpEvent(event)) throw new ValidationError('the jobs function answers API Gateway events (POST/GET /jobs)');
  const http = isRecord(event.requestContext) && isRecord(event.requestContext.http) ? event.requestContext.http : {};
  const method = typeof http.method === 'string' ? http.method.toUpperCase() : 'GET';
  const id = isRecord(event.pathParameters) ? event.pathParameters.id : undefined;
  const query = queryParamsOf(event);
  const listing = method === 'GET' && id === undefined;
  const extra = Object.keys(query).filter((name) => !(listing && ['limit', 'after'].includes(name)));
  if (extra.length) {
    const route = id === undefined ? '/jobs' : '/jobs/{id}';
    const hint = listing ? 'GET /jobs takes limit and after' : `${method} ${route} takes none`;
    throw new ValidationError(unknownParamsMessage(extra, hint));
  }
  if (typeof id === 'string') return method === 'DELETE' ? { kind: 'stop', jobId: id } : { kind: 'read', jobId: id };
  if (method === 'POST') return startRequest(jsonObjectBody(event));
  return listRequest(query);
}
