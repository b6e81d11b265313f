// `pnpm ml models list|show|promote|rollback|clean` (the model registry), `pnpm ml invoke` (the
// invocations endpoint) and `pnpm ml batch` (batch scoring) from the command line.
import { runCli } from './run-cli';

// The SDK warns on every run under Node 20 (which this repo supports): nine lines above each table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ml: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
