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

// What MiniStack 1.5.33 answers (ministack/app.py `_handle_health_request` and
// `_handle_unknown_localstack_request`): its own health path, and a 404 for `/_localstack/info`.
const MINISTACK_HEALTH = { services: { lambda: 'available', s3: 'available' }, edition: 'light', version: '1.5.33' };
const MINISTACK_NO_INFO = {
  error: 'Unknown LocalStack endpoint: /_localstack/info. Ministack exposes /_ministack/health…',
};

/**
 * Answers like LocalStack of the given edition (`GET /_localstack/info`) or, for `ministack`, like
 * MiniStack; every AWS API call (CloudFormation describeStacks, when a layer is packaged) gets
 * "stack does not exist".
 */
export function startLocalStackStub(edition: string): Promise<LocalStackStub> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    if (edition === 'ministack' && req.method === 'GET' && req.url?.startsWith('/_')) {
      const health = req.url === '/_ministack/health';
      res.writeHead(health ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(health ? MINISTACK_HEALTH : MINISTACK_NO_INFO));
      return;
    }
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
