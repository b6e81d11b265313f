import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; default 5 minutes. */
  timeoutMs?: number;
  /** Each line the child writes to stderr (its progress), as it comes. */
  onStderrLine?: (line: string) => void;
}

/**
 * Runs a command to completion and resolves with its stdout; rejects naming how it ended (exit
 * code, or killed at the time limit) with the last lines of its stderr.
 */
export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const stderr: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr.push(line);
      options.onStderrLine?.(line);
    });
    const timeoutMs = options.timeoutMs ?? 300_000;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(stdout);
      const why = signal ? `was killed (${signal}, limit ${timeoutMs / 1000} s)` : `exited ${code}`;
      const tail = [...stdout.trim().split('\n').slice(-5), ...stderr.slice(-10)].join('\n');
      reject(new Error(`\`${path(command)} ${args.map(path).join(' ')}\` ${why}:\n${tail}`));
    });
  });
}

/** The last part of a path, to keep error messages short. */
const path = (arg: string) => arg.split('/').slice(-2).join('/');

/** Runs a command to completion; rejects with the last lines of its output when it fails. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  return runProcess(command, args, options);
}
