// A Serverless plugin: the account id for `${aws:accountId}` where no AWS account is involved.
// The state machine's Lambda ARNs and the jobs function's state machine ARN are built from
// `${aws:accountId}` (statemachines/training.asl.yml), which osls resolves by asking STS
// GetCallerIdentity — for every command, since the whole file is resolved. `sls offline` and
// `sls invoke local` never reach AWS (the embedded stack's Step Functions runner reads the same
// ARNs), so they answer with SERVERLESS_ML_ACCOUNT_ID or the emulators' 000000000000 instead of
// failing on missing credentials, as does every command on `--stage local` (the emulators' own
// account). Every other command (package, deploy, print for AWS) asks STS unless
// SERVERLESS_ML_ACCOUNT_ID is set.
'use strict';

/** The account id LocalStack and MiniStack answer with, and the embedded stack uses. */
const LOCAL_ACCOUNT_ID = '000000000000';
const OFFLINE_COMMANDS = [['offline'], ['offline', 'start'], ['invoke', 'local']];

function isOfflineCommand(commands) {
  return OFFLINE_COMMANDS.some((c) => c.length === commands.length && c.every((word, i) => commands[i] === word));
}

class OfflineAccountIdPlugin {
  constructor(serverless) {
    const commands = serverless.processedInput?.commands ?? [];
    const stage = serverless.processedInput?.options?.stage;
    const configured = process.env.SERVERLESS_ML_ACCOUNT_ID;
    // `--stage local` is the emulators' stage: LocalStack and MiniStack are account 000000000000,
    // so `pnpm package` needs no emulator running just to learn it.
    if (!configured && !isOfflineCommand(commands) && stage !== 'local') return;
    const account = configured || LOCAL_ACCOUNT_ID;
    if (!/^\d{12}$/.test(account)) {
      throw new Error(`SERVERLESS_ML_ACCOUNT_ID must be a 12-digit AWS account id, got "${account}"`);
    }
    const provider = serverless.getProvider('aws');
    const request = provider.request.bind(provider);
    provider.request = (service, method, ...rest) =>
      service === 'STS' && method === 'getCallerIdentity'
        ? Promise.resolve({ Account: account, Arn: `arn:aws:iam::${account}:root`, UserId: account })
        : request(service, method, ...rest);
  }
}

module.exports = OfflineAccountIdPlugin;
module.exports.LOCAL_ACCOUNT_ID = LOCAL_ACCOUNT_ID;
