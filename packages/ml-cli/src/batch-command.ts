import { apiUrl } from './invoke-endpoint';
import { UsageError } from './parse-args';

/** `pnpm ml batch <model> <s3://bucket/key | key> [--version v] [--shards n | --shard-rows n] [--concurrency n]`. */
export interface BatchOptions {
  kind: 'batch';
  model: string;
  input: string;
  version?: string;
  shards?: number;
  shardRows?: number;
  concurrency?: number;
  url?: string;
  json: boolean;
}

export interface BatchFlags {
  version?: string;
  shards?: string;
  'shard-rows'?: string;
  concurrency?: string;
  url?: string;
  json?: boolean;
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

/** Reads `batch <model> <input>` and its flags; a UsageError names the problem. */
export function parseBatchCommand(args: string[], flags: BatchFlags): BatchOptions {
  const [model, input, ...extra] = args;
  if (!model || !input)
    throw new UsageError('batch needs a model and a CSV: pnpm ml batch housing s3://<bucket>/rows.csv');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const shards = count(flags.shards, 'shards');
  const shardRows = count(flags['shard-rows'], 'shard-rows');
  if (shards !== undefined && shardRows !== undefined) throw new UsageError('give --shards or --shard-rows, not both');
  const concurrency = count(flags.concurrency, 'concurrency');
  return {
    kind: 'batch',
    model,
    input,
    version: flags.version,
    shards,
    shardRows,
    concurrency,
    url: flags.url,
    json: flags.json ?? false,
  };
}

interface BatchRun {
  runId: string;
  status: string;
  version?: string;
  shards?: number;
  partsDone?: number;
  elapsedMs?: number;
  manifest?: { rows: number; parts: unknown[]; elapsedMs: number; rowsPerSecond: number; input: { bucket: string } };
  error?: { type: string; message: string };
}

export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

async function call(doFetch: typeof fetch, url: string, init?: RequestInit): Promise<BatchRun> {
  let res: Response;
  try {
    res = await doFetch(url, init);
  } catch (error) {
    throw new Error(`nothing answers at ${url} — start the stack with pnpm start (or pass --url)`, { cause: error });
  }
  const body = (await res.json().catch(() => ({}))) as BatchRun & { error?: { type?: string; message?: string } };
  if (!res.ok)
    throw new Error(`${res.status} from ${url}: ${body.error?.type ?? 'error'}: ${body.error?.message ?? ''}`);
  return body;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Starts a batch-scoring run (`POST /batch`), polls `GET /batch/{id}` once a second printing the
 * shards done, and ends with the rows, rows per second and the manifest; 1 when the run failed.
 */
export async function runBatch(options: BatchOptions, env: NodeJS.ProcessEnv, io: BatchIo): Promise<number> {
  const doFetch = io.fetch ?? fetch;
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const base = apiUrl(options.url, env);
  const { model, input, version, shards, shardRows, concurrency } = options;
  const started = await call(doFetch, `${base}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, input, version, shards, shardRows, concurrency }),
  });
  io.err(`batch ${started.runId}: ${model}@${started.version} on ${input}`);
  let run = started;
  let shown = '';
  while (run.status === 'RUNNING') {
    await sleep(1000);
    run = await call(doFetch, `${base}/batch/${encodeURIComponent(started.runId)}`);
    const line = `  ${run.status.toLowerCase()}: ${run.partsDone ?? 0}/${run.shards ?? '?'} shards`;
    if (line !== shown) io.err(`${line}, ${seconds(run.elapsedMs ?? 0)}`);
    shown = line;
  }
  if (options.json) io.out(JSON.stringify(run, null, 2));
  if (run.status !== 'SUCCEEDED' || !run.manifest) {
    io.err(`ml: batch ${run.runId} ${run.status}: ${run.error?.type ?? ''} ${run.error?.message ?? ''}`.trim());
    return 1;
  }
  const m = run.manifest;
  if (!options.json) {
    io.out(
      `scored ${m.rows.toLocaleString('en-US')} rows with ${model}@${run.version} in ${m.parts.length} parts: ` +
        `${seconds(m.elapsedMs)}, ${m.rowsPerSecond.toLocaleString('en-US')} rows/s\n` +
        `manifest: s3://${m.input.bucket}/batch/${run.runId}/manifest.json`,
    );
  }
  return 0;
}
