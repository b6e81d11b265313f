import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { StackSettings } from './settings';

export interface OfflineServer {
  httpUrl: string;
  lambdaEndpoint: string;
  /** serverless-offline's process id. */
  pid: number | undefined;
  /** Settles with what happened if serverless-offline exits while it should be serving. */
  died: Promise<string>;
  close: () => Promise<void>;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Runs `sls offline start`: API Gateway (HTTP API) on httpPort and the Lambda invoke API on
 * lambdaPort, with the handlers pointed at the embedded S3 server.
 */
export async function startOffline(
  settings: StackSettings,
  log: (line: string) => void,
  timeoutMs = 120_000,
  /** Where the embedded Step Functions runner listens (its bound port when settings say 0). */
  stepFunctionsPort = settings.stepFunctionsPort,
): Promise<OfflineServer> {
  const bin = require.resolve('serverless/bin/serverless.js', { paths: [settings.serviceDir] });
  const args = ['offline', 'start', '--stage', settings.stage, '--host', settings.host];
  args.push('--httpPort', String(settings.httpPort), '--lambdaPort', String(settings.lambdaPort));
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: settings.serviceDir,
    env: {
      ...process.env,
      // serverless-offline gives handlers only serverless.yml's environment, which reads
      // S3_PORT (→ EMBEDDED_S3_PORT); with IS_OFFLINE the handlers use s3rver's credentials.
      S3_PORT: String(settings.s3Port),
      // → EMBEDDED_STEPFUNCTIONS_PORT: the jobs function's Step Functions endpoint offline.
      STEPFUNCTIONS_PORT: String(stepFunctionsPort),
      ESBUILD_WORK_FOLDER: settings.esbuildWorkFolder,
      SLS_TELEMETRY_DISABLED: '1',
      // The SDK's notice that its 2027 releases need Node 22 (ours are pinned; Lambda runs 22).
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      SLS_NOTIFICATIONS_MODE: 'off',
      // Workers per function (serverless.yml): more than the cores only adds memory and cold starts.
      OFFLINE_MAX_CONCURRENCY: process.env.OFFLINE_MAX_CONCURRENCY ?? String(availableParallelism()),
      // Offline handlers load onnxruntime-node from the workspace, like the layer path.
      ORT_PACKAGING: 'layer',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const recent: string[] = [];
  // libsvm-js tries streaming WebAssembly compilation first, which Node cannot do from a path.
  const wasmNotice = /wasm streaming compile failed|falling back to ArrayBuffer instantiation/;
  const clip = (line: string) =>
    line.length > 400 ? `${line.slice(0, 400)} … (${line.length - 400} more characters)` : line;
  // serverless-localstack's note that it does nothing on this stage (it only acts on `local`).
  const localstackNotice = /^Skipping serverless-localstack:|^custom\.localstack\.stages: |^stage: /;
  const ready = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/Server ready/.test(line)) resolve();
      else if (line.trim() !== '' && !localstackNotice.test(line) && !wasmNotice.test(line)) log(clip(line));
    };
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', onLine);
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', onLine);
    child.once('exit', (code) =>
      reject(new Error(`serverless-offline exited (code ${code}) before it was ready:\n${recent.join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`serverless-offline was not ready after ${timeoutMs / 1000}s:\n${recent.join('\n')}`)),
      timeoutMs,
    ).unref();
  });
  try {
    await ready;
  } catch (error) {
    await stop(child);
    throw error;
  }
  let closing = false;
  // A dead serverless-offline leaves its ports closed while `pnpm start` would go on "serving".
  const died = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (closing) return;
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      resolve(`serverless-offline ${how}; its last lines:\n${recent.slice(-10).join('\n')}`);
    }),
  );
  return {
    httpUrl: `http://${settings.host}:${settings.httpPort}`,
    lambdaEndpoint: `http://${settings.host}:${settings.lambdaPort}`,
    pid: child.pid,
    died,
    close: () => {
      closing = true;
      return stop(child);
    },
  };
}
