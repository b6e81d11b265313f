import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from '@serverless-ml/local-stack';
import { ModelStore } from '../../packages/model-store/src';
import { attempt, type BenchResults, type FigureName } from './bench-results';
import { trainOnStack } from './bench-stack';
import { writeHousingBatchCsv } from './housing-batch-csv';
import { SERVED_ALGORITHM } from './invocations-phase';
import { type StackContext, withTempDir } from './stack-context';

/** What the batch phase scores: rows, cut into `shards`, once per `concurrency` (shards at once). */
export interface BatchRuns {
  rows: number;
  shards: number;
  concurrencies: number[];
  /** Rows of a first, unmeasured run that starts the shard function's workers (ONNX Runtime, the model). */
  warmupRows: number;
}

/** Every figure of the batch phase with a row in the table. */
export const BATCH_FIGURES: FigureName[] = [
  'batch.rows',
  'batch.rows_per_s_1',
  'batch.rows_per_s_2',
  'batch.scaling_2_over_1',
  'batch.load_avg_1m',
];

interface Manifest {
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  parts: { key: string; rows: number; sha256: string }[];
}

async function api(url: string, init?: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${res.status} from ${url}: ${JSON.stringify(body)}`);
  return body;
}

/** Runs one batch through `POST /batch` and waits for it; throws unless it succeeded. */
async function scoreOnce(ctx: StackContext, input: string, shards: number, concurrency: number): Promise<Manifest> {
  const base = ctx.stack.httpUrl;
  const body = JSON.stringify({ model: 'housing', input, shards, concurrency });
  const { runId } = await api(`${base}/batch`, { method: 'POST', body });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const run = await api(`${base}/batch/${String(runId)}`);
    if (run.status === 'RUNNING') continue;
    if (run.status !== 'SUCCEEDED')
      throw new Error(`batch ${String(runId)} ${String(run.status)}: ${JSON.stringify(run.error)}`);
    return run.manifest as Manifest;
  }
}

/** Reads every part: each must have the manifest's sha256 and row count. Answers the parts' bytes, in order. */
async function checkParts(s3: S3Client, bucket: string, manifest: Manifest, rows: number): Promise<Buffer> {
  if (manifest.rows !== rows) throw new Error(`the manifest says ${manifest.rows} rows, the CSV has ${rows}`);
  const parts: Buffer[] = [];
  for (const part of manifest.parts) {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: part.key }));
    const bytes = Buffer.from(await (out.Body?.transformToByteArray() ?? new Uint8Array()));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== part.sha256) throw new Error(`${part.key}: sha256 ${sha256}, the manifest says ${part.sha256}`);
    const lines = bytes.toString('utf8').split('\n').length - 1;
    if (lines !== part.rows) throw new Error(`${part.key}: ${lines} lines, the manifest says ${part.rows}`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/**
 * Batch scoring on the stack (issue 11 §3): `rows` housing rows (data/housing.csv tiled, written
 * to a temp file and uploaded to the data bucket) scored by the promoted gbm model through
 * `POST /batch` with `shards` shards, once with 1 and once with 2 shards at once (serverless-offline
 * runs at most OFFLINE_MAX_CONCURRENCY workers per function, 2 by default). rows/s is the
 * manifest's: rows over the time from the execution's start to the manifest. Every part's sha256
 * and row count is checked, and both runs must answer the same bytes.
 */
export async function measureBatch(results: BenchResults, ctx: StackContext, runs: BatchRuns): Promise<void> {
  const { stack, log } = ctx;
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: stack.s3Endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  try {
    await attempt(results, BATCH_FIGURES, 'batch scoring', log, async () => {
      if (!(await new ModelStore(ctx.models).latest('housing'))) {
        log(`invoking ml-train {"model":"housing","algorithm":"${SERVED_ALGORITHM}"} for batch scoring…`);
        await trainOnStack(stack, 'housing', { algorithm: SERVED_ALGORITHM });
      }
      const upload = (rows: number) =>
        withTempDir('bench-batch-', async (dir) => {
          const key = `bench/housing-${rows}.csv`;
          const file = path.join(dir, 'housing.csv');
          const bytes = await writeHousingBatchCsv(file, rows);
          log(
            `uploading ${rows.toLocaleString('en-US')} housing rows (${(bytes / 1e6).toFixed(1)} MB) to s3://${stack.buckets.data}/${key}…`,
          );
          await s3.send(new PutObjectCommand({ Bucket: stack.buckets.data, Key: key, Body: readFileSync(file) }));
          return key;
        });
      const warmup = await upload(runs.warmupRows);
      const key = await upload(runs.rows);
      log('batch: an unmeasured run to start the shard workers…');
      await scoreOnce(ctx, warmup, 2, 2);
      results.batch.rows = runs.rows;
      results.batch.shards = runs.shards;
      let first: Buffer | undefined;
      const loads: number[] = [];
      for (const concurrency of runs.concurrencies) {
        log(`batch: ${runs.shards} shards, ${concurrency} at a time…`);
        const manifest = await scoreOnce(ctx, key, runs.shards, concurrency);
        loads.push(Math.round(os.loadavg()[0] * 100) / 100);
        const answers = await checkParts(s3, stack.buckets.data, manifest, runs.rows);
        if (first && !answers.equals(first)) throw new Error(`concurrency ${concurrency} answered other predictions`);
        first ??= answers;
        results.batch[`rows_per_s_${concurrency}`] = manifest.rowsPerSecond;
        results.batch[`elapsed_ms_${concurrency}`] = manifest.elapsedMs;
        log(
          `  ${manifest.rowsPerSecond.toLocaleString('en-US')} rows/s (${(manifest.elapsedMs / 1000).toFixed(1)} s), parts checked`,
        );
      }
      const one = results.batch.rows_per_s_1;
      const two = results.batch.rows_per_s_2;
      results.batch.scaling_2_over_1 =
        typeof one === 'number' && typeof two === 'number' ? Math.round((two / one) * 100) / 100 : null;
      // The 1-minute load average right after each run: the other processes the shards competed with.
      results.batch.load_avg_1m = loads;
    });
  } finally {
    s3.destroy();
  }
}
