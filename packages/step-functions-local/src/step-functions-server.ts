import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LocalExecutions, StepFunctionsApiError } from './local-executions';

type Body = Record<string, unknown>;

const text = (body: Body, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string') throw new StepFunctionsApiError('ValidationException', `${field} is required`);
  return value;
};

/** The Step Functions API actions the jobs function uses, in the AWS JSON 1.0 protocol. */
function actions(executions: LocalExecutions): Record<string, (body: Body) => unknown> {
  return {
    StartExecution: (body) => {
      const started = executions.start(
        text(body, 'stateMachineArn'),
        typeof body.name === 'string' ? body.name : crypto.randomUUID(),
        typeof body.input === 'string' ? body.input : '{}',
      );
      return { executionArn: started.executionArn, startDate: started.startDate };
    },
    DescribeExecution: (body) => executions.describe(text(body, 'executionArn')),
    GetExecutionHistory: (body) => {
      const events = executions.history(text(body, 'executionArn'));
      return { events: body.reverseOrder === true ? events.reverse() : events };
    },
    StopExecution: (body) => executions.stop(text(body, 'executionArn')),
  };
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const parsed: unknown = raw === '' ? {} : JSON.parse(raw);
  if (typeof parsed !== 'object' || parsed === null)
    throw new StepFunctionsApiError('SerializationException', 'not a JSON object');
  return parsed as Body;
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  res.writeHead(status, headers);
  res.end(JSON.stringify(body));
}

/** A running Step Functions endpoint for the embedded stack. */
export interface StepFunctionsServer {
  endpoint: string;
  close: () => Promise<void>;
}

/**
 * Serves StartExecution, DescribeExecution, GetExecutionHistory and StopExecution for the local
 * executions, so the jobs function talks to it with the AWS SDK exactly as it does to AWS.
 */
export function startStepFunctionsServer(
  executions: LocalExecutions,
  host: string,
  port: number,
): Promise<StepFunctionsServer> {
  const handlers = actions(executions);
  const server: Server = createServer((req, res) => {
    const action = String(req.headers['x-amz-target'] ?? '').replace(/^AWSStepFunctions\./, '');
    const handler = handlers[action];
    if (req.method !== 'POST' || !handler) {
      send(res, 400, { __type: 'UnknownOperationException', message: `not served locally: ${action || req.url}` });
      return;
    }
    readBody(req)
      .then((body) => send(res, 200, handler(body)))
      .catch((error: unknown) => {
        if (error instanceof StepFunctionsApiError)
          send(res, 400, { __type: error.type, message: error.message }, error.type);
        else
          send(res, 500, {
            __type: 'InternalFailure',
            message: error instanceof Error ? error.message : String(error),
          });
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        endpoint: `http://${host}:${bound}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
