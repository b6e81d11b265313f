import { errorResponses, type RouteDescriptor } from '@serverless-ml/api-spec';
import { trainingRequestSchema } from '@serverless-ml/training-pipeline/schema';
import { jobAnswerSchema, jobListSchema } from './job-record';
import { jobPathSchema, jobsQuerySchema } from './schema';

const job = (description: string) => ({ description, content: { 'application/json': { schema: jobAnswerSchema } } });
const NO_QUERY = 'Query parameters are refused (400): there are none.';

/** The jobs routes as the API describes them. */
export function jobsRoutes(): RouteDescriptor[] {
  return [
    {
      method: 'POST',
      path: '/jobs',
      function: 'jobs',
      operationId: 'startJob',
      summary: 'Start a training job: Validate → Train → Evaluate → Promote or Keep',
      description:
        'Writes the job record, then starts the training state machine. `promote`: "if-better" (default) ' +
        'promotes the new version only when it beats the promoted one on the primary metric; "always" promotes it. ' +
        'The fields a model takes: digits (datasetKey, hyperParameters), rain (datasetKey, seed), stores (datasetKey), ' +
        'housing (datasetKey, algorithm, hyperParameters, seed); another is a 400.',
      tags: ['jobs'],
      body: {
        required: true,
        content: {
          'application/json': { schema: trainingRequestSchema, example: { model: 'housing', algorithm: 'gbm' } },
        },
      },
      responses: {
        202: job('the job, RUNNING, with its statusUrl'),
        ...errorResponses([400, 413, 503, 504], { 503: 'UpstreamError: the pipeline or S3 did not answer' }),
      },
    },
    {
      method: 'GET',
      path: '/jobs',
      function: 'jobs',
      operationId: 'listJobs',
      summary: 'Recent training jobs, newest first',
      tags: ['jobs'],
      query: jobsQuerySchema,
      responses: {
        200: { description: 'a page of jobs', content: { 'application/json': { schema: jobListSchema } } },
        ...errorResponses([400, 404, 503, 504], { 404: 'NotFoundError: no job to list after' }),
      },
    },
    {
      method: 'GET',
      path: '/jobs/{id}',
      function: 'jobs',
      operationId: 'readJob',
      summary: "A job's status, steps, new version and metrics, or its error and the step it failed in",
      description: NO_QUERY,
      tags: ['jobs'],
      pathParams: jobPathSchema,
      parameterExamples: { id: '20261201-143012345-a1b2c3' },
      responses: {
        200: job('the job now'),
        ...errorResponses([400, 404, 503, 504], { 404: 'NotFoundError: no such job' }),
      },
    },
    {
      method: 'DELETE',
      path: '/jobs/{id}',
      function: 'jobs',
      operationId: 'stopJob',
      summary: 'Stop a running job (it ends ABORTED; latest is not moved)',
      description: NO_QUERY,
      tags: ['jobs'],
      pathParams: jobPathSchema,
      parameterExamples: { id: '20261201-143012345-a1b2c3' },
      responses: {
        200: job('the job, ABORTED'),
        ...errorResponses([400, 404, 409, 503, 504], {
          404: 'NotFoundError: no such job',
          409: 'JobConflictError: the job has already ended',
        }),
      },
    },
  ];
}
