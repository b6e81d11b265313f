import { ValidationError } from '@serverless-ml/errors';
import { isHttpEvent, isRecord, refuseQueryParams } from '@serverless-ml/http';
import { checkModelName } from '@serverless-ml/model-store/names';

/** `GET /models` lists the models; `GET /models/{name}` lists one model's versions. */
export type RegistryRequest = { kind: 'models' } | { kind: 'versions'; name: string };

function request(name: unknown): RegistryRequest {
  if (name === undefined || name === null || name === '') return { kind: 'models' };
  if (typeof name !== 'string') throw new ValidationError('name must be a model name (a string), e.g. "digits"');
  return { kind: 'versions', name: checkModelName(name) };
}

/** Reads an API Gateway event (`pathParameters.name`) or a direct invocation (`{}` or `{"name": "digits"}`). */
export function parseRegistryRequest(event: unknown): RegistryRequest {
  if (isHttpEvent(event)) {
    refuseQueryParams(event, 'GET /models and GET /models/{name} take none');
    return request(isRecord(event.pathParameters) ? event.pathParameters.name : undefined);
  }
  if (event === undefined || event === null) return { kind: 'models' };
  if (!isRecord(event)) throw new ValidationError('send {} to list the models, or {"name": "digits"} for one model');
  const unknown = Object.keys(event).filter((key) => key !== 'name');
  if (unknown.length) throw new ValidationError(`unknown field ${unknown.join(', ')}: send {} or {"name": "digits"}`);
  return request(event.name);
}
