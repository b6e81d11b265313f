import { parseBatchCommand, runBatch } from './batch-command';
import { parseCommand, UsageError } from './parse-args';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function io(answers: Response[]) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: { url: string; body?: string }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), body: init?.body as string | undefined });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
  return {
    out,
    err,
    calls,
    io: {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      fetch: fetch as typeof globalThis.fetch,
      sleep: async () => undefined,
    },
  };
}

const manifest = {
  rows: 1_000_000,
  parts: [{}, {}],
  elapsedMs: 40_000,
  rowsPerSecond: 25_000,
  input: { bucket: 'data' },
};

describe('pnpm ml batch', () => {
  it('parses the model, the input and the sizing flags', () => {
    expect(parseCommand(['batch', 'housing', 's3://data/rows.csv', '--shards', '4', '--concurrency', '2'])).toEqual({
      kind: 'batch',
      model: 'housing',
      input: 's3://data/rows.csv',
      shards: 4,
      concurrency: 2,
      json: false,
    });
    expect(() => parseBatchCommand(['housing'], {})).toThrow(UsageError);
    expect(() => parseBatchCommand(['housing', 'x.csv'], { shards: '0' })).toThrow('--shards must be a whole number');
    expect(() => parseBatchCommand(['housing', 'x.csv'], { shards: '2', 'shard-rows': '9' })).toThrow('not both');
  });

  it('starts the run, prints the shards done while it runs, then rows and rows per second', async () => {
    const t = io([
      json(202, { runId: 'r1', status: 'RUNNING', version: 'v1' }),
      json(200, { runId: 'r1', status: 'RUNNING', shards: 2, partsDone: 1, elapsedMs: 20_000 }),
      json(200, { runId: 'r1', status: 'SUCCEEDED', version: 'v1', shards: 2, partsDone: 2, manifest }),
    ]);
    const code = await runBatch(
      parseBatchCommand(['housing', 'rows.csv'], { shards: '2' }),
      { API_URL: 'http://api' },
      t.io,
    );
    expect(code).toBe(0);
    expect(t.calls.map((c) => c.url)).toEqual(['http://api/batch', 'http://api/batch/r1', 'http://api/batch/r1']);
    expect(JSON.parse(t.calls[0].body ?? '')).toEqual({ model: 'housing', input: 'rows.csv', shards: 2 });
    expect(t.err).toContain('  running: 1/2 shards, 20.0 s');
    expect(t.out.join('\n')).toBe(
      'scored 1,000,000 rows with housing@v1 in 2 parts: 40.0 s, 25,000 rows/s\nmanifest: s3://data/batch/r1/manifest.json',
    );
  });

  it('exits 1 with the error of a failed run, and with the API message of a refused one', async () => {
    const failed = io([
      json(202, { runId: 'r2', status: 'RUNNING', version: 'v1' }),
      json(200, { runId: 'r2', status: 'FAILED', error: { type: 'ValidationError', message: 'shard 0: row 3 …' } }),
    ]);
    expect(await runBatch(parseBatchCommand(['housing', 'x.csv'], {}), {}, failed.io)).toBe(1);
    expect(failed.err.at(-1)).toBe('ml: batch r2 FAILED: ValidationError shard 0: row 3 …');
    const refused = io([json(404, { error: { type: 'NotFoundError', message: 'no object s3://d/x.csv' } })]);
    await expect(runBatch(parseBatchCommand(['housing', 'x.csv'], {}), {}, refused.io)).rejects.toThrow(
      '404 from http://127.0.0.1:3000/batch: NotFoundError: no object s3://d/x.csv',
    );
  });
});
