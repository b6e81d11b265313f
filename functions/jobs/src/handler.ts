import { SFNClient } from '@aws-sdk/client-sfn';
import middy from '@middy/core';
import { loadConfig } from '@serverless-ml/config';
import { AppError, errorResponder, handlerOptions, jsonResponse, UpstreamError } from '@serverless-ml/errors';
import { createS3Client, ObjectStore } from '@serverless-ml/model-store';
import { PIPELINE_TIMEOUT_SECONDS } from '@serverless-ml/training-pipeline/schema';
import { answerJob } from './job-answer';
import { type JobsDeps, listJobs, readJob, startJob, stopJob } from './jobs-service';
import { loadJobsSettings } from './jobs-settings';
import { parseJobsRequest } from './schema';
import { stepFunctionsExecutions } from './step-functions-executions';

const config = loadConfig();
const settings = loadJobsSettings();
const s3 = createS3Client({ region: config.region, endpoint: config.s3Endpoint, credentials: config.s3Credentials });
const sfn = new SFNClient({
  region: config.region,
  endpoint: settings.endpoint,
  credentials: settings.credentials,
});
const deps: JobsDeps = {
  store: new ObjectStore(s3, config.modelBucket),
  executions: stepFunctionsExecutions(sfn, settings.stateMachineArn),
  now: () => new Date(),
  pipelineTimeoutSeconds: PIPELINE_TIMEOUT_SECONDS,
};

async function jobs(event: unknown) {
  const request = parseJobsRequest(event);
  return answer(request).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    throw new UpstreamError('the training pipeline (Step Functions) or the job records (S3) did not answer', error);
  });
}

async function answer(request: ReturnType<typeof parseJobsRequest>) {
  switch (request.kind) {
    case 'start':
      return jsonResponse(202, answerJob(await startJob(request.request, deps)));
    case 'read':
      return jsonResponse(200, answerJob(await readJob(request.jobId, deps)));
    case 'stop':
      return jsonResponse(200, answerJob(await stopJob(request.jobId, deps)));
    case 'list': {
      const page = await listJobs(request, deps);
      return jsonResponse(200, {
        jobs: page.jobs.map((job) => answerJob(job)),
        ...(page.next ? { next: page.next } : {}),
      });
    }
  }
}

/** `POST /jobs` starts a training job; `GET /jobs`, `GET /jobs/{id}` read them; `DELETE /jobs/{id}` stops one. */
export const handler = middy(jobs, handlerOptions).use(errorResponder());
