import { isHttpEvent, isRecord, ValidationError } from '@serverless-ml/errors';
import { jsonObjectBody, queryParamsOf, unknownParamsMessage } from '@serverless-ml/http';
import { type BatchRequest, parseBatchRequest } from './schema';

/** What the batch API was asked. */
export type BatchApiRequest = { kind: 'start'; request: BatchRequest } | { kind: 'read'; runId: string };

/** Reads `POST /batch` and `GET /batch/{id}` events. */
export function parseBatchApiRequest(event: unknown): BatchApiRequest {
  if (!isHttpEvent(event)) throw new ValidationError('the batch function answers API Gateway events (POST /batch)');
  const extra = Object.keys(queryParamsOf(event));
  if (extra.length) throw new ValidationError(unknownParamsMessage(extra, 'the batch routes take none'));
  const id = isRecord(event.pathParameters) ? event.pathParameters.id : undefined;
  if (typeof id === 'string') return { kind: 'read', runId: id };
  const body = jsonObjectBody(event);
  if (!body) throw new ValidationError('send {"model": "housing", "input": "s3://<data bucket>/rows.csv"}');
  return { kind: 'start', request: parseBatchRequest(body) };
}
