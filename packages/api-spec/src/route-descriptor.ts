import type { $ZodObject, $ZodType } from 'zod/v4/core';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body in one media type: its zod schema and, optionally, a working example (the fuzzer sends it too). */
export interface MediaContent {
  schema: $ZodType;
  example?: unknown;
}

/** One response of a route: a status's meaning, its bodies by media type and its headers. */
export interface ResponseSpec {
  description: string;
  content?: Record<string, MediaContent>;
  headers?: Record<string, { description: string; schema: $ZodType; required?: boolean }>;
}

/** A request parameter's example, by parameter name (path, query or header). */
export type ParameterExamples = Record<string, unknown>;

/**
 * One HTTP route as the API describes it, next to the function that serves it: the same zod
 * schemas that validate its input, and the schemas of every answer it gives.
 */
export interface RouteDescriptor {
  method: HttpMethod;
  /** As in serverless.yml's `httpApi` event (`/models/{name}`). */
  path: string;
  /** The serverless.yml function that serves it. */
  function: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Each property is one query parameter (the schema's input side: what a client sends). */
  query?: $ZodObject;
  pathParams?: $ZodObject;
  /** Request headers the route reads (names lower-case). */
  headers?: $ZodObject;
  parameterExamples?: ParameterExamples;
  body?: { required: boolean; description?: string; content: Record<string, MediaContent> };
  responses: Record<number, ResponseSpec>;
}

/** `METHOD /path`, the key serverless.yml and the description share. */
export const routeKey = (route: Pick<RouteDescriptor, 'method' | 'path'>): string => `${route.method} ${route.path}`;
