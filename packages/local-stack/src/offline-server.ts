import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { StackSettings } from './settings';

export interface OfflineServer {
  httpUrl: string;
  lambdaEndpoint: string;
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
      ESBUILD_WORK_FOLDER: settings.esbuildWorkFolder,
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
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
  // The AWS SDK's multi-line notice that Node 20 support ends in 2027 (Lambda runs Node 22).
  const sdkNotice =
    /NodeVersionSupportWarning|versions published after the first week|will require node >=22|To continue receiving updates to AWS|and security updates please upgrade|More information can be found at: https:\/\/a\.co|Use `node --trace-warnings/;
  const ready = new Promise<void>((resolve, reject) => {
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/Server ready/.test(line)) resolve();
      else if (line.trim() !== '' && !sdkNotice.test(line) && !wasmNotice.test(line)) log(clip(line));
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
  return {
    httpUrl: `http://${settings.host}:${settings.httpPort}`,
    lambdaEndpoint: `http://${settings.host}:${settings.lambdaPort}`,
    close: () => stop(child),
  };
}
