import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_DIR } from './digits-data';
import { startLocalstackStub } from './localstack-stub';
import { runCommand } from './run-command';

export const FUNCTIONS = ['ml-train', 'ml-predict', 'rain-forecast', 'nearest-store'] as const;

export interface PackageFigures {
  layer_zip_bytes: number;
  function_zip_bytes: Record<(typeof FUNCTIONS)[number], number>;
}

const LAYER_ZIP = path.join(REPO_DIR, 'layers/onnxruntime/dist/onnxruntime-x86_64.zip');

/** The x86_64 layer zip's size; builds it first with `pnpm build:layer` when it is missing. */
export async function layerZipBytes(log: (line: string) => void): Promise<number> {
  if (!existsSync(LAYER_ZIP)) {
    log('layer zip missing: running `pnpm build:layer`…');
    await runCommand('pnpm', ['build:layer'], { cwd: REPO_DIR });
  }
  return statSync(LAYER_ZIP).size;
}

/**
 * Packages the service for the layer variant (`sls package --stage local --param=ort=layer`)
 * into a temporary folder, so .serverless/ is left alone, and returns each function zip's size.
 */
export async function functionZipBytes(): Promise<PackageFigures['function_zip_bytes']> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-package-'));
  const stub = await startLocalstackStub();
  try {
    const sls = require.resolve('serverless/bin/serverless.js', { paths: [REPO_DIR] });
    await runCommand(process.execPath, [sls, 'package', '--stage', 'local', '--param=ort=layer', '--package', out], {
      cwd: REPO_DIR,
      timeoutMs: 180_000,
      env: {
        ...process.env,
        LOCALSTACK_PORT: String(stub.port),
        SLS_AWS_REQUEST_MAX_RETRIES: '0',
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
    });
    const size = (fn: string) => {
      const zip = path.join(out, `${fn}.zip`);
      if (!existsSync(zip)) throw new Error(`sls package wrote no ${fn}.zip`);
      return statSync(zip).size;
    };
    return Object.fromEntries(FUNCTIONS.map((fn) => [fn, size(fn)])) as PackageFigures['function_zip_bytes'];
  } finally {
    await stub.close();
    rmSync(out, { recursive: true, force: true });
  }
}
