import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs `code` in a fresh node process (tsx, so the TypeScript loader can be required). */
async function nodeRunning(code: string): Promise<{ code: number; stderr: string }> {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  return run(process.execPath, ['--import', tsx, '--eval', code], { cwd: __dirname }).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

const REJECT = "Promise.reject(new Error('a bug elsewhere'));";

describe('load-libsvm', () => {
  it('keeps libsvm-js from ending the process silently on an unhandled rejection', async () => {
    const loader = JSON.stringify(join(__dirname, 'load-libsvm.ts'));
    const ours = await nodeRunning(`require(${loader}); ${REJECT}`);
    expect(ours.code).not.toBe(0);
    expect(ours.stderr).toContain('a bug elsewhere');
  });

  it('is needed: libsvm-js required directly swallows the error', async () => {
    const direct = await nodeRunning(`require('libsvm-js'); ${REJECT}`);
    expect(direct.code).toBe(1);
    expect(direct.stderr).not.toContain('a bug elsewhere');
  });

  it('reads the WebAssembly file without a failed streaming attempt, and restores instantiateStreaming', async () => {
    const loader = JSON.stringify(join(__dirname, 'load-libsvm.ts'));
    const code = `require(${loader}).libsvmReady.then(() => console.error(typeof WebAssembly.instantiateStreaming));`;
    const { stderr } = await nodeRunning(code);
    expect(stderr).not.toContain('streaming compile failed');
    expect(stderr.trim().split('\n').pop()).toBe('function');
  });

  it('still trains: the SVM class and the heap are the same instance', async () => {
    const { libsvmReady, libsvmWasm } = await import('./load-libsvm');
    const SVM = await libsvmReady;
    expect(typeof SVM.SVM_TYPES.C_SVC).toBe('string');
    expect(libsvmWasm.HEAP32).toBeInstanceOf(Int32Array);
  });
});
