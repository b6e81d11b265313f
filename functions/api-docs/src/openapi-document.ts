import { buildOpenApiDocument } from '@serverless-ml/api-spec';
import { type ApiSettings, allRoutes } from './all-routes';

const DESCRIPTION =
  'Train and serve ML models on AWS Lambda. Every error is `{"error": {"type", "message"}}` with its status; ' +
  'query parameters are trimmed of ASCII whitespace, and an empty value, a control character or an unknown ' +
  'parameter is a 400 naming it.';

/** The API's OpenAPI 3.1 document for a deployment's limits. */
export function openApiDocument(settings: ApiSettings) {
  return buildOpenApiDocument(
    { title: 'serverless-ml', version: '0.1.0', description: DESCRIPTION },
    allRoutes(settings),
  );
}
