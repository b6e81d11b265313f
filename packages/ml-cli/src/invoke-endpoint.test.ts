import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { apiUrl } from './invoke-endpoint';
import { runCli } from './run-cli';

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pnpm ml invoke (against a stand-in endpoint)', () => {
  let server: Server;
  let url: string;
  const seen: { url?: string; type?: string; accept?: string; body: string }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ml-invoke-'));

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      seen.push({ url: req.url, type: req.headers['content-type'], accept: req.headers.accept, body });
      if (body.includes('bad')) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { type: 'ValidationError', message: 'row 1, column longitude is not a number' } }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ predictions: [123.5] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts the CSV file to the model’s invocations route and prints the answer', async () => {
    const file = join(dir, 'rows.csv');
    writeFileSync(file, '-122.23,37.88,41,880,129,322,126,8.3252,NEAR BAY\n');
    const result = await run(['invoke', 'housing', '--csv', file, '--version', 'v1'], { API_URL: url });
    expect(result).toEqual({ code: 0, out: '{"predictions":[123.5]}', err: '' });
    expect(seen.at(-1)).toEqual({
      url: '/endpoints/housing/invocations?version=v1',
      type: 'text/csv',
      accept: 'application/json',
      body: '-122.23,37.88,41,880,129,322,126,8.3252,NEAR BAY\n',
    });
  });

  it('exits 1 with the endpoint’s own message for bad rows, and says when nothing answers', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'bad\n');
    const bad = await run(['invoke', 'housing', '--csv', file, '--accept', 'csv', '--url', url], {});
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      `ml: 400 from ${url}/endpoints/housing/invocations: ValidationError: row 1, column longitude is not a number`,
    );
    expect(seen.at(-1)?.accept).toBe('text/csv');
    const none = await run(['invoke', 'housing', '--csv', file], { HTTP_PORT: '1' });
    expect(none.err).toBe(
      'ml: nothing answers at http://127.0.0.1:1 — start the stack with pnpm start (or pass --url)',
    );
  });

  it('reads standard input when no file is given, and knows its default API', async () => {
    const { invokeEndpoint } = await import('./invoke-endpoint');
    const stdin = Readable.from(['1,2\n']);
    await invokeEndpoint({ name: 'digits', accept: 'text/csv', url }, {}, stdin);
    expect(seen.at(-1)?.body).toBe('1,2\n');
    expect(apiUrl(undefined, {})).toBe('http://127.0.0.1:3000');
    expect(apiUrl(undefined, { API_URL: 'https://x.execute-api.us-east-1.amazonaws.com/' })).toBe(
      'https://x.execute-api.us-east-1.amazonaws.com',
    );
  });
});
