import { stackSettings, uploadSeedData } from '@serverless-ml/local-stack';
import { miniStackSettings } from './ministack-settings';

/** `pnpm emulator:seed`: uploads data/ to the `local` stage's data bucket on the emulator. */
async function main() {
  const { host, port } = miniStackSettings();
  const settings = stackSettings({ ...process.env, STAGE: process.env.STAGE || 'local' });
  const files = await uploadSeedData(settings, `http://${host}:${port}`);
  console.log(`uploaded ${files.join(', ')} to s3://${settings.service}-${settings.stage}-data on ${host}:${port}`);
}

main().catch((error: Error) => {
  console.error(`pnpm emulator:seed: ${error.message} (is \`pnpm sls deploy --stage local\` done?)`);
  process.exit(1);
});
