import { ensureMiniStack } from './install-ministack';
import { miniStackSettings } from './ministack-settings';
import { startMiniStack } from './start-ministack';

/** `pnpm emulator`: installs MiniStack once, starts it on 127.0.0.1, serves until Ctrl-C. */
async function main() {
  const settings = miniStackSettings();
  await ensureMiniStack(settings);
  const ministack = await startMiniStack(settings);
  console.log(
    [
      `MiniStack ${ministack.version} (free AWS emulator, MIT) is up on ${ministack.endpoint}`,
      `  Lambda runs on this machine's Node ${process.version} (no Docker), with layers; S3, API Gateway v2, CloudFormation`,
      `  state is in memory: it is gone when MiniStack stops. Log: ${settings.logFile}`,
      '',
      'Next, in another terminal:',
      `  ${settings.port === 4566 ? '' : `LOCALSTACK_PORT=${settings.port} `}pnpm sls deploy --stage local`,
      '  pnpm emulator:seed                            # uploads data/ to the data bucket',
      '  pnpm sls invoke -f ml-train --stage local',
      '  pnpm sls invoke -f ml-predict --stage local --log',
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping MiniStack`);
    await ministack.stop();
    console.log('MiniStack stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const why = await ministack.exited;
  if (!stopping) {
    console.error(`${why}; see ${settings.logFile}`);
    process.exit(1);
  }
}

main().catch((error: Error) => {
  console.error(`pnpm emulator: ${error.message}`);
  process.exit(1);
});
