import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeLambda } from './local-executions';

/** A Lambda error as Step Functions reports it: the error is its type, the cause its JSON payload. */
export class LambdaTaskError extends Error {
  constructor(type: string, cause: string) {
    super(cause);
    this.name = type;
  }
}

/**
 * Invokes functions through a Lambda API endpoint (serverless-offline's `--lambdaPort`), so each
 * Task runs the real, bundled handler in the embedded stack's worker, with its timeout.
 */
export function lambdaInvoker(endpoint: string, region: string): InvokeLambda {
  const client = new LambdaClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // One call per Task attempt: the state machine's Retry decides what is tried again.
    maxAttempts: 1,
  });
  return async (functionName, input) => {
    const command = new InvokeCommand({
      FunctionName: functionName,
      Payload: new TextEncoder().encode(JSON.stringify(input ?? null)),
    });
    const answer = await client.send(command).catch((error: unknown) => {
      // The call itself failed (a connection reset, a refused port): what Step Functions reports as
      // Lambda.SdkClientException, which the state machines retry like Lambda's service errors.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new LambdaTaskError('Lambda.SdkClientException', JSON.stringify({ errorMessage: reason }));
    });
    const text = answer.Payload ? new TextDecoder().decode(answer.Payload) : '';
    let payload: unknown = null;
    try {
      payload = text === '' ? null : JSON.parse(text);
    } catch {
      if (!answer.FunctionError) throw new LambdaTaskError('Lambda.InvalidResponse', text);
    }
    const thrown = payload as { errorType?: unknown; errorMessage?: unknown } | null;
    // serverless-offline answers a thrown error with 200 and {errorType, errorMessage}, no FunctionError.
    const offlineError = typeof thrown?.errorType === 'string' && typeof thrown?.errorMessage === 'string';
    if (answer.FunctionError || offlineError) {
      throw new LambdaTaskError(typeof thrown?.errorType === 'string' ? thrown.errorType : 'Lambda.Unknown', text);
    }
    return payload;
  };
}
