import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import { batchPathSchema, batchRequestSchema, batchRunSchema } from './schema';

const run = (description: string) => ({ description, content: { 'application/json': { schema: batchRunSchema } } });

/** The batch-scoring routes as the API describes them. */
export function batchRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'POST',
      path: '/batch',
      function: 'batch',
      operationId: 'startBatch',
      summary: 'Score a CSV in the data bucket on the batch-scoring state machine (Plan → Score shards → Manifest)',
      description:
        'The model version is pinned when the run starts (the promoted one unless `version` is given). ' +
        'Give `shards` or `shardRows`, not both. The input is checked before the run starts: a first line that ' +
        'names some columns but is not exactly the model header, or an input without rows, is a 400. ' +
        'Query parameters are refused (400).',
      tags: ['batch'],
      body: {
        required: true,
        content: {
          'application/json': { schema: batchRequestSchema, example: { model: 'housing', input: 'housing.csv' } },
        },
      },
      responses: {
        202: run('the run, RUNNING, with its statusUrl and pinned version'),
        ...errorResponses([400, 404, 413, 503, 504], { 404: 'NotFoundError: no such input object, model or version' }),
      },
    },
    {
      method: 'GET',
      path: '/batch/{id}',
      function: 'batch',
      operationId: 'readBatch',
      summary: "A batch run's status, shards done, and its manifest (rows, version, every part's sha256) or error",
      description: 'Query parameters are refused (400).',
      tags: ['batch'],
      pathParams: batchPathSchema,
      parameterExamples: { id: '20261201-143012-a1b2c3' },
      responses: {
        200: run('the run now'),
        ...errorResponses([400, 404, 503, 504], { 404: 'NotFoundError: no such run' }),
      },
    },
  ];
}
