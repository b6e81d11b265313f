// `pnpm start`: the embedded stack, trained and serving until Ctrl-C.

import { loadPodIntoStack } from '@serverless-ml/pods';
import { type LocalStack, startLocalStack } from './local-stack';
import { stackSettings } from './settings';
import { startOptions } from './start-options';
import { runStartWalkthrough, usage } from './walkthrough';

// The SDK warns on every run under Node 20 (which this repo supports); its 2027 releases need 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function autoLoadPod(stack: LocalStack, ref: string, log: (line: string) => void): Promise<string[]> {
  log(`AUTO_LOAD_POD: loading ${ref}…`);
  const pod = await loadPodIntoStack({ ref, endpoint: stack.s3Endpoint, stage: stack.settings.stage, log });
  log(`AUTO_LOAD_POD: restored ${pod.models.length ? pod.models.join(', ') : 'no models'} from ${ref}`);
  return pod.models;
}

async function main() {
  const log = (line: string) => console.log(line);
  const options = startOptions(process.argv.slice(2));
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
  stack.died.then(async (what) => {
    if (stopping) return;
    stopping = true;
    console.error(`\npnpm start: ${what}\nThe stack cannot serve without it: stopping.`);
    await stack.stop();
    process.exit(1);
  });
  try {
    // A pod restores models as they were, promoted: the walkthrough keeps them like any other.
    if (process.env.AUTO_LOAD_POD) await autoLoadPod(stack, process.env.AUTO_LOAD_POD, log);
    await runStartWalkthrough(stack, log, options);
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
