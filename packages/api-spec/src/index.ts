export { type ApiInfo, buildOpenApiDocument } from './build-document';
export {
  ERROR_MEANINGS,
  type ErrorResponseOptions,
  errorBodySchema,
  errorResponses,
  sagemakerErrorBodySchema,
} from './error-responses';
export { type JsonSchema, propertiesOf, toJsonSchema } from './json-schema';
export {
  type HttpMethod,
  type MediaContent,
  type ParameterExamples,
  type ResponseSpec,
  type RouteDescriptor,
  routeKey,
} from './route-descriptor';
export { httpApiRoutes } from './serverless-routes';
