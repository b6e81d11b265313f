import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fake LocalStack edge port: enough of it for `sls package` to run offline. */
export interface LocalStackStub {
  port: number;
  /** `METHOD url` of every request, in order: shows what the framework asked for. */
  requests: string[];
  close: () => Promise<void>;
}

// osls reads "does not exist" from describeStacks as a first deploy and carries on packaging.
const NO_STACK =
  '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>' +
  '<Message>Stack with id serverless-ml-local does not exist</Message></Error></ErrorResponse>';

/**
 * Answers `GET /_localstack/info` with the given edition and every AWS API call (CloudFormation
 * describeStacks, when a layer is packaged) with "stack does not exist".
 */
export function startLocalStackStub(edition: string): Promise<LocalStackStub> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    if (req.method === 'GET' && req.url === '/_localstack/info') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ edition, version: '4.0' }));
      return;
    }
    res.writeHead(400, { 'content-type': 'text/xml' });
    res.end(NO_STACK);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
