import { createServer, type Server } from 'node:http';
import { freePort } from './free-port';

const NO_STACK =
  '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code>' +
  '<Message>Stack with id serverless-ml-local does not exist</Message></Error></ErrorResponse>';

/**
 * Just enough of LocalStack for `sls package --stage local`: serverless-localstack points the AWS
 * calls here, and osls asks CloudFormation describeStacks when a service declares layers. "does
 * not exist" is how osls learns there is no previous stack; the info route says Pro (layers).
 */
export async function startLocalstackStub(): Promise<{ port: number; close: () => Promise<void> }> {
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'GET' && req.url?.startsWith('/_localstack/info')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"edition":"pro"}');
      } else {
        res.writeHead(400, { 'content-type': 'text/xml' }).end(NO_STACK);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
