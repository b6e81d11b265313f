import { type JsonSchema, propertiesOf, toJsonSchema } from './json-schema';
import { type MediaContent, type ResponseSpec, type RouteDescriptor, routeKey } from './route-descriptor';

/** The document's title, version and description. */
export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
}

type OpenApiDocument = {
  openapi: '3.1.0';
  info: ApiInfo;
  servers: { url: string; description: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
};

function content(bodies: Record<string, MediaContent>, side: 'input' | 'output'): JsonSchema {
  return Object.fromEntries(
    Object.entries(bodies).map(([mediaType, body]) => [
      mediaType,
      {
        schema: toJsonSchema(body.schema, side),
        ...(body.example === undefined ? {} : { example: body.example }),
      },
    ]),
  );
}

function parameters(route: RouteDescriptor): JsonSchema[] {
  const where = [
    ['path', route.pathParams],
    ['query', route.query],
    ['header', route.headers],
  ] as const;
  return where.flatMap(([location, schema]) =>
    schema === undefined
      ? []
      : propertiesOf(schema).map(({ name, schema: property, required }) => {
          const { description, ...rest } = property;
          const example = route.parameterExamples?.[name];
          return {
            name,
            in: location,
            // OpenAPI requires path parameters; the schema says so for the others.
            required: location === 'path' || required,
            ...(typeof description === 'string' ? { description } : {}),
            schema: rest,
            ...(example === undefined ? {} : { example }),
          };
        }),
  );
}

function response(spec: ResponseSpec): JsonSchema {
  const headers = spec.headers
    ? Object.fromEntries(
        Object.entries(spec.headers).map(([name, header]) => [
          name,
          {
            description: header.description,
            required: header.required ?? false,
            schema: toJsonSchema(header.schema, 'output'),
          },
        ]),
      )
    : undefined;
  return {
    description: spec.description,
    ...(headers ? { headers } : {}),
    ...(spec.content ? { content: content(spec.content, 'output') } : {}),
  };
}

function operation(route: RouteDescriptor): JsonSchema {
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    'x-function': route.function,
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.body.required,
            ...(route.body.description ? { description: route.body.description } : {}),
            content: content(route.body.content, 'input'),
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(route.responses).map(([status, spec]) => [status, response(spec)])),
  };
}

/**
 * The OpenAPI 3.1 document of the given routes. The server URL is relative ("/"), so the same
 * document works on the embedded stack, behind API Gateway and on any other host.
 */
export function buildOpenApiDocument(info: ApiInfo, routes: readonly RouteDescriptor[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const seen = new Set<string>();
  for (const route of routes) {
    const key = routeKey(route);
    if (seen.has(key)) throw new Error(`${key} is described twice`);
    seen.add(key);
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route);
  }
  const tags = [...new Set(routes.flatMap((route) => route.tags))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/', description: 'the host that served this document' }],
    tags,
    paths,
  };
}
