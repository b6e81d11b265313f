import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { venvBinaries } from './install-ministack';
import type { MiniStackSettings } from './ministack-settings';

export interface RunningMiniStack {
  endpoint: string;
  version: string;
  pid: number | undefined;
  /** Settles when MiniStack exits on its own (crash, port taken): the message says why. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

const portAnswers = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/**
 * The environment MiniStack runs with. Its functions inherit all of it (ministack/core/
 * lambda_runtime.py: `spawn_env = {**os.environ, **function variables}`), so a shell's
 * AWS_ENDPOINT_URL, S3_ENDPOINT or NODE_OPTIONS would leak into every function: only what it
 * needs is passed on.
 */
function miniStackEnv(settings: MiniStackSettings): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ'];
  const env: NodeJS.ProcessEnv = Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  return {
    ...env,
    // Loopback only: its default, 0.0.0.0, would expose an unauthenticated AWS to the network.
    BIND_HOST: settings.host,
    GATEWAY_PORT: String(settings.port),
    // Otherwise an MQTT listener opens on 0.0.0.0:8883 (IoT mTLS), which nothing here uses.
    IOT_MTLS_ENABLED: '0',
    SFTP_ENABLED: '0',
    // Functions run on the host's Node (20 is fine): the SDK's notice about 2027 releases is noise.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PYTHONUNBUFFERED: '1',
  };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('MiniStack exited while starting');
    try {
      // /_ministack/ready answers 503 until its ready.d scripts ran; health then has the version.
      const ready = await fetch(`${endpoint}/_ministack/ready`, { signal: AbortSignal.timeout(1000) });
      if (ready.ok) {
        const health = (await (await fetch(`${endpoint}/_ministack/health`)).json()) as { version?: string };
        return health.version ?? 'unknown';
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`MiniStack did not answer on ${endpoint} within ${timeoutMs / 1000} s`);
}

const tail = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n');

/** Starts the installed MiniStack on 127.0.0.1:<port> and resolves once it answers. */
export async function startMiniStack(settings: MiniStackSettings, timeoutMs = 60_000): Promise<RunningMiniStack> {
  const endpoint = `http://${settings.host}:${settings.port}`;
  if (await portAnswers(settings.host, settings.port)) {
    throw new Error(
      `port ${settings.port} is in use: is an emulator already running (\`curl ${endpoint}/_ministack/health\`)? ` +
        'Use it, stop it, or set LOCALSTACK_PORT to another port.',
    );
  }
  const logFd = openSync(settings.logFile, 'w');
  // Its own process group: Ctrl-C reaches us, and we stop MiniStack and its function workers together.
  const child = spawn(venvBinaries(settings).ministack, [], {
    env: miniStackEnv(settings),
    stdio: ['ignore', logFd, logFd],
    detached: true,
  });
  closeSync(logFd);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`MiniStack exited (${signal ?? `code ${code}`})`));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    if (!gone) process.kill(-child.pid, 'SIGKILL');
    // Function workers (`node _worker.js`) are in the same group: make sure none outlive it.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
  };
  try {
    const version = await waitUntilReady(endpoint, child, timeoutMs);
    return { endpoint, version, pid: child.pid, exited, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its log (${settings.logFile}):\n${tail(settings.logFile)}`);
  }
}
