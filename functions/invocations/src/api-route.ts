import { errorResponses, type RouteDescriptor, sagemakerErrorBodySchema } from '@serverless-ml/api-spec';
import * as z from 'zod/mini';
import { MAX_BODY_BYTES, MAX_ROWS } from './invocation-limits';
import {
  endpointPathSchema,
  instancesBodySchema,
  invocationAnswerSchema,
  invocationHeadersSchema,
  invocationQuerySchema,
  pingAnswerSchema,
} from './schema';

const ROW = [-122.23, 37.88, 41.0, 880.0, 129.0, 322.0, 126.0, 8.3252, 'NEAR BAY'];
// What the AWS SDKs read: the exception's name.
const errorHeaders = {
  'x-amzn-errortype': {
    description: 'the error type, as SageMaker names exceptions',
    schema: z.string(),
    required: true,
  },
};
const errors = (statuses: number[], why: Record<number, string> = {}) =>
  errorResponses(statuses, why, { schema: sagemakerErrorBodySchema, headers: errorHeaders });

/** SageMaker Runtime's InvokeEndpoint and its health check, as the API describes them. */
export function invocationsRoutes(settings: { maxK: number }): RouteDescriptor[] {
  return [
    {
      method: 'POST',
      path: '/endpoints/{name}/invocations',
      function: 'invocations',
      operationId: 'invokeEndpoint',
      summary: "SageMaker's InvokeEndpoint for any model: rows in, predictions out",
      description:
        `A row is a row of the model's dataset without its target (housing: the nine columns of housing.csv ` +
        `but median_house_value). At most ${MAX_ROWS} rows and ${MAX_BODY_BYTES} bytes. Accept: application/json ` +
        '(the default) or text/csv. SageMaker clients call it with their endpoint set to this API.',
      tags: ['invocations'],
      pathParams: endpointPathSchema,
      query: invocationQuerySchema(settings.maxK),
      headers: invocationHeadersSchema,
      parameterExamples: { name: 'housing' },
      body: {
        required: true,
        content: {
          'text/csv': { schema: z.string().check(z.minLength(1)), example: `${ROW.join(',')}\n` },
          'application/json': { schema: instancesBodySchema, example: { instances: [ROW] } },
        },
      },
      responses: {
        200: {
          description: 'one prediction per row',
          headers: {
            'x-amzn-invoked-production-variant': {
              description: 'the model version that answered',
              schema: z.string(),
              required: true,
            },
          },
          content: {
            'application/json': { schema: invocationAnswerSchema },
            'text/csv': { schema: z.string() },
          },
        },
        ...errors([400, 404, 406, 409, 413, 415, 503, 504], {
          404: 'NotFoundError: no such model or version',
          413: `PayloadTooLargeError: over ${MAX_ROWS} rows or ${MAX_BODY_BYTES} bytes`,
          415: 'UnsupportedMediaTypeError: a Content-Type other than text/csv or application/json (UTF-8)',
        }),
      },
    },
    {
      method: 'GET',
      path: '/ping',
      function: 'invocations',
      operationId: 'ping',
      summary: "SageMaker's health check: the function is up (it reads nothing)",
      tags: ['invocations'],
      responses: {
        200: { description: 'up', content: { 'application/json': { schema: pingAnswerSchema } } },
        ...errors([400, 504], { 400: 'ValidationError: GET /ping takes no query parameters' }),
      },
    },
  ];
}
