import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startOffline } from './offline-server';
import { assertPortFree } from './port-check';
import { startS3, uploadSeedData } from './s3-server';
import { bucketNames, type StackSettings } from './settings';
import { startStepFunctions } from './step-functions';

export interface InvokeResult<T> {
  /** The handler's return value, or the error it threw (`errorType`, `errorMessage`). */
  payload: T;
  functionError?: string;
}

export interface LocalStack {
  settings: StackSettings;
  s3Endpoint: string;
  httpUrl: string;
  lambdaEndpoint: string;
  /** The Step Functions API of the embedded runner (the jobs function's endpoint). */
  stepFunctionsEndpoint: string;
  buckets: { data: string; models: string };
  /** serverless-offline's process id (its worker threads and esbuild run under it). */
  offlinePid: number | undefined;
  /** Settles with a message when a part of the stack (serverless-offline) dies while serving. */
  died: Promise<string>;
  /** Invokes a function through the Lambda invoke API (`<service>-<stage>-<fn>`). */
  invoke<T = unknown>(fn: string, payload?: unknown): Promise<InvokeResult<T>>;
  stop(): Promise<void>;
}

/** Starts the embedded stack: s3rver with the buckets and data/, the Step Functions runner, then serverless-offline. */
export async function startLocalStack(
  settings: StackSettings,
  log: (line: string) => void = console.log,
): Promise<LocalStack> {
  log(`starting S3 (s3rver) on ${settings.host}:${settings.s3Port}, data in ${settings.dataDir}`);
  const s3 = await startS3(settings);
  try {
    const uploaded = await uploadSeedData(settings, s3.endpoint);
    log(`uploaded ${uploaded.join(', ')} to s3://${bucketNames(settings).data}`);
    await assertPortFree(settings.host, settings.httpPort, 'HTTP_PORT');
    await assertPortFree(settings.host, settings.lambdaPort, 'LAMBDA_PORT');
    const stepFunctions = await startStepFunctions(settings, log);
    const sfnPort = Number(new URL(stepFunctions.server.endpoint).port);
    log(`starting serverless-offline (API Gateway :${settings.httpPort}, Lambda :${settings.lambdaPort})`);
    const offline = await startOffline(settings, (line) => log(`  | ${line}`), undefined, sfnPort).catch(
      async (error: unknown) => {
        await stepFunctions.stop();
        throw error;
      },
    );
    stepFunctions.connect(offline.lambdaEndpoint);
    const lambda = new LambdaClient({
      region: 'us-east-1',
      endpoint: offline.lambdaEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    return {
      settings,
      s3Endpoint: s3.endpoint,
      httpUrl: offline.httpUrl,
      lambdaEndpoint: offline.lambdaEndpoint,
      stepFunctionsEndpoint: stepFunctions.server.endpoint,
      buckets: bucketNames(settings),
      offlinePid: offline.pid,
      died: offline.died,
      async invoke<T>(fn: string, payload: unknown = {}) {
        const out = await lambda.send(
          new InvokeCommand({
            FunctionName: `${settings.service}-${settings.stage}-${fn}`,
            Payload: Buffer.from(JSON.stringify(payload)),
          }),
        );
        const text = Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8');
        const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
        // serverless-offline answers 200 with an errorMessage body when a handler throws.
        const thrown = typeof parsed === 'object' && parsed !== null && 'errorMessage' in parsed;
        return { payload: parsed, functionError: out.FunctionError ?? (thrown ? 'Unhandled' : undefined) };
      },
      async stop() {
        lambda.destroy();
        await stepFunctions.stop();
        await offline.close();
        await s3.close();
      },
    };
  } catch (error) {
    await s3.close();
    throw error;
  }
}
