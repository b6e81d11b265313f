import path from 'node:path';

/** The MiniStack release the project runs: bump it here and re-run `pnpm emulator`. */
export const MINISTACK_VERSION = '1.5.33';

/** Where MiniStack is installed and listens; every value can be set by environment. */
export interface MiniStackSettings {
  version: string;
  /** The project-local virtualenv MiniStack is installed into (gitignored). */
  venvDir: string;
  host: string;
  /** `LOCALSTACK_PORT`: the port serverless-localstack and the layer/bundle decision ask. */
  port: number;
  /** MiniStack's own log (requests, function starts); the Lambda output is in each invoke's log. */
  logFile: string;
  python: string;
}

/** Reads LOCALSTACK_PORT (default 4566), EMULATOR_VENV (default .venv-emulator) and PYTHON (default python3). */
export function miniStackSettings(env: NodeJS.ProcessEnv = process.env): MiniStackSettings {
  const serviceDir = path.resolve(__dirname, '../../..');
  const port = Number(env.LOCALSTACK_PORT || '4566');
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`LOCALSTACK_PORT must be a port number, got "${env.LOCALSTACK_PORT}"`);
  }
  const venvDir = path.resolve(serviceDir, env.EMULATOR_VENV || '.venv-emulator');
  return {
    version: MINISTACK_VERSION,
    venvDir,
    host: '127.0.0.1',
    port,
    logFile: path.join(venvDir, `ministack-${port}.log`),
    python: env.PYTHON || 'python3',
  };
}
