// `pnpm check:watch-memory`: starts the embedded stack, changes sources three times under it (an
// edit, a new file, a test-like `.esbuild-*` folder, files in node_modules/.pnpm) and fails if
// the stack's memory — this process (s3rver) and everything below it: serverless-offline with its
// worker threads and esbuild's services — passes BOUND_MB, or if an edit is not served.
//
// BOUND_MB: on a 2-core box shared with other work (load average 5–10) the stack idled at
// 0.48–0.58 GB and peaked at 0.70–0.90 GB in five runs of 3 and 8 rounds, level from the second
// round on (esbuild's service keeps ~150 MB after a build; each round's fresh worker replaces the
// last). 1.5 GB leaves ~65% headroom for other machines and Node versions. Before issue 8's fix
// the first round passed it (esbuild's service alone went past 1 GB within seconds): the old
// watcher started one full build per file event, all at once.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type LocalStack, stackSettings, startLocalStack } from '@serverless-ml/local-stack';
import { freePort } from '../support/free-port';
import { describeRss, processTreeRss } from '../support/process-tree-rss';
import { marker, sourceChurn } from './source-churn';

// Every function's bundle: a rebuild writes them one after the other, the edited one not last.
const { FUNCTIONS } = require('../../functions/function-assets.cjs') as { FUNCTIONS: string[] };

// The SDK's notice that its 2027 releases need Node 22 (ours are pinned; README troubleshooting).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BOUND_MB = Number(process.env.WATCH_MEMORY_BOUND_MB || 1500);
const ROUNDS = Number(process.env.WATCH_MEMORY_ROUNDS || 3);
const PICKUP_TIMEOUT_MS = 60_000; // a rebuild of every function: ~5 s on 2 idle cores, ~20 s on busy ones
const DEADLINE = Date.now() + 170_000; // CI budget: under 3 minutes, pass or fail
const SETTLED_MS = 3000; // no bundle written for this long: the burst's rebuilds are over
const REPO_DIR = path.resolve(__dirname, '../..');
const WORK_FOLDER = '.esbuild-watchcheck'; // removed afterwards: never the one `pnpm start` uses
const BUILD_DIR = path.join(REPO_DIR, WORK_FOLDER, '.build/functions');

let peak = { totalMb: 0, text: '' };
const sample = () => {
  const now = describeRss(processTreeRss());
  if (now.totalMb > peak.totalMb) peak = now;
  return now;
};
const overBound = () => peak.totalMb > BOUND_MB;

const served = new Set<string>();
const stackLog: string[] = [];
let rebuilds = 0; // rebuild-on-change's own count; serverless-esbuild's watcher said nothing
const onStackLine = (line: string) => {
  stackLog.push(line);
  if (stackLog.length > 60) stackLog.shift();
  if (/\[watch\] rebuilt/.test(line)) rebuilds += 1;
  const round = /watch-memory check: round (\d+)/.exec(line);
  if (round) served.add(round[0]);
  if (/\[watch\]/.test(line)) console.log(`  stack${line}`);
};

/** Polls until `done()`; false on timeout; throws as soon as the memory bound is passed. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    sample();
    if (overBound()) throw new Error(`the stack's memory passed ${BOUND_MB} MB: ${peak.text}`);
    if (Date.now() > DEADLINE) throw new Error('the check did not finish within its 170 s');
    if (done()) return true;
  }
  return false;
}
/** Waits `ms`, still sampling and checking the bound. */
const hold = (ms: number) => until(() => false, ms);

const bundle = (fn: string) => path.join(BUILD_DIR, fn, 'src/handler.js');
const bundleHas = (fn: string, text: string) =>
  existsSync(bundle(fn)) && readFileSync(bundle(fn), 'utf8').includes(text);
const lastBundleWrite = () => Math.max(0, ...FUNCTIONS.map(mtime));
const mtime = (fn: string) => (existsSync(bundle(fn)) ? statSync(bundle(fn)).mtimeMs : 0);

async function round(stack: LocalStack, n: number, churn: ReturnType<typeof sourceChurn>) {
  const before = sample();
  const started = Date.now();
  const rebuildsBefore = rebuilds;
  churn.change(n);
  if (!(await until(() => bundleHas('model-registry', marker(n)), PICKUP_TIMEOUT_MS))) {
    throw new Error(`round ${n}: the edit was not rebuilt within ${PICKUP_TIMEOUT_MS / 1000} s`);
  }
  const rebuiltS = ((Date.now() - started) / 1000).toFixed(1);
  const settled = await until(() => Date.now() - lastBundleWrite() > SETTLED_MS, 30_000);
  // The workers are replaced once the whole rebuild is done: ask until the edit answers (or 30 s).
  for (const end = Date.now() + 30_000; !served.has(marker(n)); ) {
    const answer = await stack.invoke('model-registry', {});
    if (answer.functionError) throw new Error(`round ${n}: model-registry failed: ${JSON.stringify(answer.payload)}`);
    if (await until(() => served.has(marker(n)), 2000)) break;
    if (Date.now() > end) throw new Error(`round ${n}: model-registry answered, but not with the edited code`);
  }
  console.log(
    `round ${n}: rebuilt in ${rebuiltS} s${settled ? '' : ' (builds still running 30 s later)'}, edit served ` +
      `(${rebuilds - rebuildsBefore} rebuild(s) logged); ` +
      `before ${before.totalMb} MB, after ${sample().totalMb} MB, peak so far ${peak.totalMb} MB`,
  );
}

async function main() {
  const portOr = async (value: string | undefined) => (value ? Number(value) : freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serverless-ml-watchcheck-'));
  const settings = stackSettings(process.env, {
    stage: 'watchcheck',
    s3Port: await portOr(process.env.S3_PORT),
    httpPort: await portOr(process.env.HTTP_PORT),
    lambdaPort: await portOr(process.env.LAMBDA_PORT),
    dataDir,
    esbuildWorkFolder: WORK_FOLDER,
  });
  const churn = sourceChurn(REPO_DIR);
  let stack: LocalStack | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    churn.restore();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.join(REPO_DIR, WORK_FOLDER), { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  const timer = setInterval(sample, 250);
  try {
    const startedAt = Date.now();
    stack = await startLocalStack(settings, onStackLine);
    await hold(3000); // let start-up settle before the idle figure
    console.log(`stack up in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; idle ${sample().text}`);
    for (let n = 1; n <= ROUNDS; n++) await round(stack, n, churn);
    await hold(SETTLED_MS);
    console.log(`after ${ROUNDS} rounds: ${sample().text}`);
    console.log(`watch-memory: passed, peak ${peak.text} ≤ ${BOUND_MB} MB`);
  } catch (error) {
    console.error(`watch-memory: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`peak ${peak.text}, bound ${BOUND_MB} MB; the stack's last lines:\n${stackLog.join('\n')}`);
    process.exitCode = 1;
  } finally {
    clearInterval(timer);
    await cleanup();
  }
}

void main().then(() => process.exit());
