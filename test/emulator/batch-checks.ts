import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BatchRun } from '../../functions/batch-scoring/src/batch-runs';
import { StepError } from './step-runner';

const ROWS = 300;
const SHARDS = 3;

/** The first `ROWS` rows of data/housing.csv without the target column, and its header likewise. */
function housingRows(serviceDir: string): { header: string; rows: string[] } {
  const [header, ...lines] = readFileSync(path.join(serviceDir, 'data/housing.csv'), 'utf8').trim().split('\n');
  const target = header.split(',').indexOf('median_house_value');
  if (target < 0) throw new StepError(`data/housing.csv has no median_house_value column: ${header}`);
  const withoutTarget = (line: string) => line.split(',').toSpliced(target, 1).join(',');
  return { header: withoutTarget(header), rows: lines.slice(0, ROWS).map(withoutTarget) };
}

async function api(apiBase: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${apiBase}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as BatchRun };
}

/**
 * Batch scoring on MiniStack's Step Functions (its Map state fans the shards out to the shard
 * function): `POST /batch` over 300 housing rows in 3 shards must succeed, its parts must hold what
 * the invocations endpoint answers for the same rows, and an input with only a header must be a 400.
 */
export async function checkBatch(
  apiBase: string,
  emulatorPort: number,
  dataBucket: string,
  serviceDir: string,
  timeoutMs: number,
): Promise<string> {
  const { header, rows } = housingRows(serviceDir);
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${emulatorPort}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const put = (key: string, body: string) =>
    s3.send(new PutObjectCommand({ Bucket: dataBucket, Key: key, Body: body, ContentType: 'text/csv' }));
  const get = async (key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: dataBucket, Key: key }))).Body?.transformToString('utf8');
  try {
    await put('batch-input/emulator.csv', `${[header, ...rows].join('\n')}\n`);
    await put('batch-input/header-only.csv', `${header}\n`);

    const headerOnly = await api(apiBase, 'POST', '/batch', { model: 'housing', input: 'batch-input/header-only.csv' });
    if (headerOnly.status !== 400) {
      throw new StepError(
        `POST /batch of a header alone answered ${headerOnly.status}: ${JSON.stringify(headerOnly.json)}`,
      );
    }
    const request = { model: 'housing', input: 'batch-input/emulator.csv', shards: SHARDS, concurrency: 2 };
    const started = await api(apiBase, 'POST', '/batch', request);
    if (started.status !== 202) {
      throw new StepError(`POST /batch answered ${started.status}: ${JSON.stringify(started.json)}`);
    }
    const deadline = Date.now() + timeoutMs;
    let run = started.json;
    while (run.status === 'RUNNING') {
      if (Date.now() > deadline) throw new StepError(`batch ${run.runId} still RUNNING: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const read = await api(apiBase, 'GET', `/batch/${started.json.runId}`);
      if (read.status !== 200) throw new StepError(`GET /batch/${started.json.runId} answered ${read.status}`);
      run = read.json;
    }
    const manifest = run.manifest;
    if (run.status !== 'SUCCEEDED' || manifest?.rows !== ROWS || manifest.parts.length !== SHARDS) {
      throw new StepError(`expected SUCCEEDED with ${ROWS} rows in ${SHARDS} parts, got ${JSON.stringify(run)}`);
    }
    const scored = (await Promise.all(manifest.parts.map((part) => get(part.key)))).join('');
    const res = await fetch(`${apiBase}/endpoints/housing/invocations?version=${manifest.version}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: `${rows.join('\n')}\n`,
    });
    const answered = await res.text();
    if (res.status !== 200 || answered !== scored) {
      throw new StepError(
        `the parts differ from the invocations endpoint's answer (${res.status}): ` +
          `${scored.slice(0, 80)}… vs ${answered.slice(0, 80)}…`,
      );
    }
    return `${ROWS} rows in ${SHARDS} parts, as the invocations endpoint answers them; a header alone → 400`;
  } finally {
    s3.destroy();
  }
}
