import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { HOUSING_ROW, type InvocationAnswer } from './invocation-checks';
import { StepError } from './step-runner';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The official SageMaker Runtime client, its `endpoint` set to MiniStack's API URL. That URL has a
 * path prefix (`/_aws/execute-api/<id>`): the SDK keeps an endpoint's path and appends the
 * operation's, `/endpoints/{EndpointName}/invocations`, so nothing but `endpoint` changes.
 * `expected` is the same row's answer through fetch.
 */
export async function invokeEndpointThroughSdk(apiBase: string, expected: InvocationAnswer<number>): Promise<string> {
  const runtime = new SageMakerRuntimeClient({
    region: 'us-east-1',
    endpoint: apiBase,
    // The SDK must sign; the routes have no authorizer (here or on AWS), so made-up keys do.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const invoke = (row: string) =>
    runtime.send(
      new InvokeEndpointCommand({
        EndpointName: 'housing',
        ContentType: 'text/csv',
        Accept: 'application/json',
        Body: new TextEncoder().encode(`${row}\n`),
      }),
    );
  try {
    const out = await invoke(HOUSING_ROW);
    const answer: unknown = JSON.parse(new TextDecoder().decode(out.Body));
    if (out.InvokedProductionVariant !== expected.version || !same(answer, expected)) {
      throw new StepError(
        `InvokeEndpoint answered ${JSON.stringify(answer)} (variant ${out.InvokedProductionVariant}), ` +
          `fetch ${JSON.stringify(expected)}`,
      );
    }
    const refused = await invoke(HOUSING_ROW.slice(0, HOUSING_ROW.lastIndexOf(','))).then(
      () => undefined,
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => error,
    );
    if (
      refused?.name !== 'ValidationError' ||
      refused.$metadata?.httpStatusCode !== 400 ||
      !refused.message.startsWith('row 1 has 8 columns')
    ) {
      throw new StepError(
        `expected a row of 8 columns to raise ValidationError (400), got ${refused ? `${refused.name}: ${refused.message}` : 'an answer'}`,
      );
    }
    return `housing@${out.InvokedProductionVariant}: ${expected.predictions.join(', ')}, as through fetch; 8 columns: ${refused.name} (400)`;
  } finally {
    runtime.destroy();
  }
}
