import { isRecord, ValidationError } from '@serverless-ml/errors';
import { type HttpApiEvent, isHttpEvent, jsonObjectBody, refuseQueryParams } from '@serverless-ml/http';
import { modelPointerSchema, promotionRecordSchema } from '@serverless-ml/model-store/contract';
import {
  checkModelName,
  checkPlotId,
  checkVersionId,
  MODEL_NAME_PATTERN,
  VERSION_ID_PATTERN,
} from '@serverless-ml/model-store/names';
import * as z from 'zod/mini';

/** What a registry request asks for: a listing, one plot, or a pointer change. */
export type RegistryRequest =
  | { kind: 'models' }
  | { kind: 'versions'; name: string }
  | { kind: 'plot'; name: string; version: string; plot: string }
  | { kind: 'promote'; name: string; version: string }
  | { kind: 'rollback'; name: string };

const NO_QUERY = 'the /models routes take none';

function modelName(name: unknown): string {
  if (typeof name !== 'string') throw new ValidationError('name must be a model name (a string), e.g. "digits"');
  return checkModelName(name);
}

/** `{file}` of the plot route: `<id>.svg`, the only form plots are served in. */
function plotId(file: unknown): string {
  if (typeof file !== 'string' || !file.endsWith('.svg')) {
    throw new ValidationError(`plots are served as <id>.svg, e.g. roc-curve.svg; got "${String(file)}"`);
  }
  return checkPlotId(file.slice(0, -'.svg'.length));
}

function refuseFields(body: Record<string, unknown> | undefined, allowed: string[], hint: string): void {
  const unknown = Object.keys(body ?? {}).filter((key) => !allowed.includes(key));
  if (unknown.length) throw new ValidationError(`unknown field ${unknown.join(', ')}: ${hint}`);
}

/** `POST /models/{name}/promote`'s body: `{"version": "…"}`. */
function promoteRequest(name: string, event: HttpApiEvent): RegistryRequest {
  const body = jsonObjectBody(event);
  const hint = 'send {"version": "<version id>"}';
  refuseFields(body, ['version'], hint);
  if (body === undefined || body.version === undefined) throw new ValidationError(`version is required: ${hint}`);
  if (typeof body.version !== 'string') throw new ValidationError(`version must be a string: ${hint}`);
  return { kind: 'promote', name, version: checkVersionId(body.version) };
}

/** The route an API Gateway event was matched to (`GET /models/{name}`); older test events give only the method. */
function routeOf(event: HttpApiEvent, params: Record<string, unknown>): string {
  if (typeof event.routeKey === 'string' && event.routeKey !== '$default') return event.routeKey;
  const http = isRecord(event.requestContext) && isRecord(event.requestContext.http) ? event.requestContext.http : {};
  const method = typeof http.method === 'string' ? http.method : 'GET';
  return `${method} ${params.name === undefined ? '/models' : '/models/{name}'}`;
}

function httpRequest(event: HttpApiEvent): RegistryRequest {
  refuseQueryParams(event, NO_QUERY);
  const params = isRecord(event.pathParameters) ? event.pathParameters : {};
  const route = routeOf(event, params);
  switch (route) {
    case 'GET /models':
      return { kind: 'models' };
    case 'GET /models/{name}':
      return { kind: 'versions', name: modelName(params.name) };
    case 'GET /models/{name}/versions/{version}/plots/{file}':
      return {
        kind: 'plot',
        name: modelName(params.name),
        version: checkVersionId(String(params.version)),
        plot: plotId(params.file),
      };
    case 'POST /models/{name}/promote':
      return promoteRequest(modelName(params.name), event);
    case 'POST /models/{name}/rollback':
      refuseFields(jsonObjectBody(event), [], 'rollback takes no body (or {})');
      return { kind: 'rollback', name: modelName(params.name) };
    default:
      throw new ValidationError(`${route} is not a route of the model registry`);
  }
}

/**
 * Reads an API Gateway event (by its route) or a direct invocation (`{}` lists the models,
 * `{"name": "digits"}` one model). Writes and plots are HTTP only.
 */
export function parseRegistryRequest(event: unknown): RegistryRequest {
  if (isHttpEvent(event)) return httpRequest(event);
  if (event === undefined || event === null) return { kind: 'models' };
  if (!isRecord(event)) throw new ValidationError('send {} to list the models, or {"name": "digits"} for one model');
  refuseFields(event, ['name'], 'send {} or {"name": "digits"}');
  if (event.name === undefined || event.name === null || event.name === '') return { kind: 'models' };
  return { kind: 'versions', name: modelName(event.name) };
}

/** The `{name}` of the `/models/{name}` routes, as checkModelName reads it. */
export const modelPathSchema = z.object({
  name: z.string().check(z.regex(MODEL_NAME_PATTERN), z.meta({ description: 'a model name, e.g. digits' })),
});

/** The path of a plot: the model, the version and `<id>.svg`. */
export const plotPathSchema = z.object({
  name: z.string().check(z.regex(MODEL_NAME_PATTERN), z.meta({ description: 'a model name, e.g. rain' })),
  version: z.string().check(z.regex(VERSION_ID_PATTERN), z.meta({ description: 'a version id' })),
  file: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*\.svg$/), z.meta({ description: 'a plot id and .svg' })),
});

/** `POST /models/{name}/promote`'s body. */
export const promoteBodySchema = z.strictObject({
  version: z.string().check(z.regex(VERSION_ID_PATTERN), z.meta({ description: 'the version to promote' })),
});

/** What promote and rollback answer: the versions before and after, and the new pointer. */
export const promotionSchema = z.object({
  model: z.string(),
  from: z.optional(z.string()),
  to: z.string(),
  changed: z.boolean(),
  pointer: modelPointerSchema,
});

const metrics = z.record(z.string(), z.number());

/** What `GET /models` answers: every model and its promoted version. */
export const modelListSchema = z.object({
  models: z.array(
    z.object({
      name: z.string(),
      promoted: z.optional(z.string()),
      promotedAt: z.optional(z.string()),
      versions: z.number(),
      newestVersion: z.optional(z.string()),
    }),
  ),
});

/** What `GET /models/{name}` answers: the versions oldest first, their metrics and plots, the promoted one and its integrity. */
export const modelVersionsSchema = z.object({
  name: z.string(),
  promoted: z.optional(z.string()),
  promotedAt: z.optional(z.string()),
  integrity: z.optional(
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('verified') }),
      z.object({ state: z.literal('failed'), problem: z.string() }),
    ]),
  ),
  history: z.array(promotionRecordSchema),
  versions: z.array(
    z.object({
      version: z.string(),
      promoted: z.boolean(),
      state: z.enum(['complete', 'incomplete', 'invalid']),
      problem: z.optional(z.string()),
      trainedAt: z.optional(z.string()),
      algorithm: z.optional(z.string()),
      modelSha256: z.optional(z.string()),
      metrics,
      plots: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
    }),
  ),
});
