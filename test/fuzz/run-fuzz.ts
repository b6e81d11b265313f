// `pnpm test:fuzz`: schemathesis fuzzes every route of the running embedded stack from the API's own
// OpenAPI document (GET /openapi.json): no 5xx, every status documented, every body (errors
// included) matching its schema. Starts the stack on free ports, trains the models as `pnpm start`
// does, runs a bounded number of cases per operation, prints how many ran, exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import { runApisWalkthrough, runDigitsWalkthrough } from '../../packages/local-stack/src/walkthrough';
import { freePort } from '../support/free-port';
import { ensureSchemathesis } from './install-schemathesis';
import { casesPerOperation, formatCounts } from './schemathesis-report';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
/**
 * Operations left out: each valid case of POST /jobs starts a real training job (seconds to
 * minutes of CPU each, hundreds of cases); test/e2e/jobs.e2e.test.ts covers it over HTTP.
 */
const NOT_FUZZED = [
  {
    operationId: 'startJob',
    route: 'POST /jobs',
    why: 'each valid case trains a model (test/e2e/jobs.e2e.test.ts covers it)',
  },
];
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES || '50');
const MAX_SECONDS = Number(process.env.FUZZ_MAX_SECONDS || '120');
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];

function runSchemathesis(command: string, args: string[], timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    // Its own --max-time bounds fuzzing; this bounds everything else (a hung request, shrinking).
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? 124 : (code ?? 1));
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const log = (line: string) => console.log(`[fuzz] ${line}`);
  const schemathesis = await ensureSchemathesis(undefined, log);
  const work = mkdtempSync(path.join(tmpdir(), 'fuzz-'));
  const report = process.env.FUZZ_REPORT || path.join(work, 'schemathesis.ndjson');
  // Stage dev, as `pnpm start`: offline stages fetch no live weather (a stage of its own would ask
  // Open-Meteo, and answer 503 without internet). Its own build folder and ports, so a running
  // `pnpm start` is not disturbed.
  const settings = stackSettings(process.env, {
    stage: 'dev',
    s3Port: Number(process.env.S3_PORT) || (await freePort()),
    httpPort: Number(process.env.HTTP_PORT) || (await freePort()),
    lambdaPort: Number(process.env.LAMBDA_PORT) || (await freePort()),
    dataDir: path.join(work, 's3'),
    esbuildWorkFolder: '.esbuild-fuzz',
  });
  const stack = await startLocalStack(settings, log);
  // Ctrl-C or CI's timeout: stop serverless-offline and s3rver rather than leave them serving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  }
  try {
    log(`embedded stack on ${stack.httpUrl}; training digits, rain, stores and housing as pnpm start does`);
    await runDigitsWalkthrough(stack, log);
    await runApisWalkthrough(stack, log);
    // From a file with --url: schemathesis skips the operation its document was fetched from over HTTP,
    // and GET /openapi.json is one of ours.
    const res = await fetch(`${stack.httpUrl}/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /openapi.json answered ${res.status}: ${await res.text()}`);
    const document = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const documentFile = path.join(work, 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(document));
    const args = [
      'run',
      documentFile,
      `--url=${stack.httpUrl}/`,
      `--checks=${CHECKS.join(',')}`,
      `--max-examples=${MAX_EXAMPLES}`,
      `--max-time=${MAX_SECONDS}`,
      '--phases=examples,coverage,fuzzing,stateful',
      ...NOT_FUZZED.map((op) => `--exclude-operation-id=${op.operationId}`),
      // One worker: Python 3.11's ast.parse, which hypothesis calls while building strategies, is not
      // thread-safe ("AST constructor recursion depth mismatch" with two); the stack serves 2 at a time anyway.
      '--workers=1',
      '--request-timeout=30',
      '--seed=12',
      '--suppress-health-check=all',
      '--no-color',
      // No example database in the work tree: every run starts from the seed.
      '--generation-database=none',
      '--report=ndjson',
      `--report-ndjson-path=${report}`,
    ];
    log(`schemathesis ${args.join(' ')}`);
    const code = await runSchemathesis(schemathesis, args, (MAX_SECONDS + 120) * 1000);
    const counts = casesPerOperation(report);
    for (const line of formatCounts(counts)) log(line);
    const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
    );
    for (const op of NOT_FUZZED) log(`not fuzzed: ${op.route}, ${op.why}`);
    const skipped = new Set(NOT_FUZZED.map((op) => op.route));
    const untested = operations.filter((operation) => !counts.has(operation) && !skipped.has(operation));
    if (untested.length > 0) {
      log(`no case ran for ${untested.join(', ')}`);
      return code || 1;
    }
    log(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s; schemathesis exited with ${code}`);
    return code;
  } finally {
    await stack.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(path.resolve(__dirname, '../../.esbuild-fuzz'), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
