import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { MiniStackSettings } from './ministack-settings';

const run = promisify(execFile);

/** The virtualenv's python and ministack entry point. */
export function venvBinaries(settings: MiniStackSettings) {
  const bin = path.join(settings.venvDir, 'bin');
  return { python: path.join(bin, 'python'), ministack: path.join(bin, 'ministack') };
}

async function installedVersion(python: string): Promise<string | undefined> {
  if (!existsSync(python)) return undefined;
  try {
    const { stdout } = await run(python, ['-c', 'import importlib.metadata as m; print(m.version("ministack"))']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Installs the pinned MiniStack into the project's virtualenv unless it is already there; returns
 * what it did. Needs python3 with venv (nothing else of the project does).
 */
export async function ensureMiniStack(
  settings: MiniStackSettings,
  log: (line: string) => void = console.log,
): Promise<'installed' | 'present'> {
  const { python } = venvBinaries(settings);
  if ((await installedVersion(python)) === settings.version) return 'present';
  try {
    await run(settings.python, ['--version']);
  } catch {
    throw new Error(
      `${settings.python} was not found: MiniStack is a Python package. Install python3 (with venv and pip), ` +
        'or set PYTHON to its path.',
    );
  }
  if (!existsSync(python)) {
    log(`creating a virtualenv for MiniStack in ${settings.venvDir}`);
    await run(settings.python, ['-m', 'venv', settings.venvDir]).catch((error: Error) => {
      throw new Error(`python3 -m venv failed (Debian/Ubuntu: apt-get install python3-venv): ${error.message}`);
    });
  }
  log(`installing ministack==${settings.version} (once; about 20 s)`);
  await run(
    python,
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `ministack==${settings.version}`],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return 'installed';
}
