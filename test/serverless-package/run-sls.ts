import { execFile } from 'node:child_process';
import path from 'node:path';

export const SERVICE_DIR = path.resolve(__dirname, '../..');
const SLS_BIN = require.resolve('serverless/bin/serverless.js', { paths: [SERVICE_DIR] });

/** What a finished `sls` command left behind. */
export interface SlsRun {
  /** Exit code; -1 when the process was killed (timed out). */
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "the log says …" checks. */
  output: string;
  elapsedMs: number;
}

// Settings from a developer's shell that would change which variant gets packaged.
const INHERITED_OVERRIDES = ['ORT_PACKAGING', 'LAMBDA_ARCH', 'ESBUILD_WORK_FOLDER', 'LOCALSTACK_PORT'];

/** Runs `sls <args>` in the service folder and resolves (never rejects) once it exits. */
export function runSls(args: readonly string[], env: Record<string, string>, timeoutMs = 120_000): Promise<SlsRun> {
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_OVERRIDES) delete baseEnv[name];
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SLS_BIN, ...args],
      {
        cwd: SERVICE_DIR,
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...baseEnv,
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
          // No retries: an unreachable endpoint fails at once instead of backing off for a minute.
          SLS_AWS_REQUEST_MAX_RETRIES: '0',
          // `${aws:accountId}` without asking STS (offline-account-id.cjs): the ARNs get this account.
          SERVERLESS_ML_ACCOUNT_ID: '123456789012',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, elapsedMs: performance.now() - started });
      },
    );
  });
}
