// `pnpm demo`: start the embedded stack, train and predict once, stop. Exit 0 only if all worked.

import { startLocalStack } from './local-stack';
import { stackSettings } from './settings';
import { runApisWalkthrough, runDigitsWalkthrough } from './walkthrough';

// The SDK warns on every run under Node 20 (which this repo supports); its 2027 releases need 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const log = (line: string) => console.log(line);
  const stack = await startLocalStack(stackSettings(), log);
  try {
    const result = await runDigitsWalkthrough(stack, log);
    await runApisWalkthrough(stack, log);
    console.log(
      `demo ok: digits accuracy ${result.accuracy.toFixed(4)} (${result.correct}/${result.total}); rain, stores and housing trained, the APIs and the invocations route answered`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`pnpm demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
