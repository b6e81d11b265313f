import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The schemathesis release the fuzz run uses: bump it here. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/** The project-local virtualenv (gitignored), as packages/emulator keeps MiniStack in .venv-emulator. */
export const FUZZ_VENV = path.resolve(__dirname, '../../.venv-fuzz');

async function installedVersion(python: string): Promise<string | undefined> {
  if (!existsSync(python)) return undefined;
  try {
    const { stdout } = await run(python, ['-c', 'import importlib.metadata as m; print(m.version("schemathesis"))']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Installs the pinned schemathesis into .venv-fuzz unless it is there already (the approach of
 * packages/emulator's ensureMiniStack); returns the path of its `schemathesis` command.
 */
export async function ensureSchemathesis(
  python = process.env.PYTHON || 'python3',
  log: (line: string) => void = console.log,
): Promise<string> {
  const bin = path.join(FUZZ_VENV, 'bin');
  const venvPython = path.join(bin, 'python');
  if ((await installedVersion(venvPython)) === SCHEMATHESIS_VERSION) return path.join(bin, 'schemathesis');
  await run(python, ['--version']).catch(() => {
    throw new Error(`${python} was not found: schemathesis is a Python package. Install python3 (with venv and pip).`);
  });
  if (!existsSync(venvPython)) {
    log(`creating a virtualenv for schemathesis in ${FUZZ_VENV}`);
    await run(python, ['-m', 'venv', FUZZ_VENV]).catch((error: Error) => {
      throw new Error(`python3 -m venv failed (Debian/Ubuntu: apt-get install python3-venv): ${error.message}`);
    });
  }
  log(`installing schemathesis==${SCHEMATHESIS_VERSION} (once; about a minute)`);
  await run(
    venvPython,
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return path.join(bin, 'schemathesis');
}
