// `pnpm start`: the embedded stack, trained and serving until Ctrl-C.

import { startLocalStack } from './local-stack';
import { stackSettings } from './settings';
import { runApisWalkthrough, runDigitsWalkthrough, usage } from './walkthrough';

async function main() {
  const log = (line: string) => console.log(line);
  const stack = await startLocalStack(stackSettings(), log);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    await runDigitsWalkthrough(stack, log);
    await runApisWalkthrough(stack, log);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  console.log(`\n${usage(stack)}`);
}

main().catch((error: unknown) => {
  console.error(`pnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
