import { spawn } from 'node:child_process';

/** A step failed: the message names it and says what was expected. */
export class StepError extends Error {
  constructor(
    message: string,
    readonly output?: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the service folder, killing its process group if it outlives `timeoutMs`. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeoutMs: number,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    // No stdin: `sls invoke` without `-d` reads the event from a stdin that is not a TTY, and waits forever.
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs / 1000} s]`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const tail = (text: string, lines = 25) => text.trimEnd().split('\n').slice(-lines).join('\n');

/** Runs the steps in order, each within its time; the first failure stops the run (after `cleanup`). */
export async function runSteps(
  steps: { name: string; timeoutMs: number; run: () => Promise<string | undefined> }[],
  cleanup: () => Promise<void>,
): Promise<boolean> {
  const started = Date.now();
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
  for (const [i, step] of steps.entries()) {
    const stepStarted = Date.now();
    process.stdout.write(`[${i + 1}/${steps.length}] ${step.name} … `);
    let timer: NodeJS.Timeout | undefined;
    try {
      const note = await Promise.race([
        step.run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new StepError(`did not finish within ${step.timeoutMs / 1000} s`)),
            step.timeoutMs,
          );
        }),
      ]);
      console.log(`ok (${seconds(stepStarted)})${note ? `: ${note}` : ''}`);
    } catch (error) {
      console.log(`FAILED (${seconds(stepStarted)})`);
      console.error(`\ntest:emulator failed at step ${i + 1}, "${step.name}": ${(error as Error).message}`);
      if (error instanceof StepError && error.output)
        console.error(`--- its output (last lines):\n${tail(error.output)}`);
      await cleanup();
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
  await cleanup();
  console.log(`\ntest:emulator passed: ${steps.length} steps in ${seconds(started)}`);
  return true;
}
