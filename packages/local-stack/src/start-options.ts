/** What `pnpm start` was asked to do beyond serving. */
export interface StartOptions {
  /** Train every model from data/ even when it has a promoted version. */
  retrain: boolean;
}

const FLAG = /^(1|true|yes)$/i;
const NO_FLAG = /^(0|false|no|)$/i;

/** Reads `pnpm start [--retrain]` and `RETRAIN=1`; anything it does not know is refused, naming it. */
export function startOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartOptions {
  const unknown = argv.filter((arg) => arg !== '--retrain' && arg !== '--');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}: pnpm start takes only --retrain`);
  const fromEnv = env.RETRAIN ?? '';
  if (!FLAG.test(fromEnv) && !NO_FLAG.test(fromEnv)) {
    throw new Error(`RETRAIN must be 1 or 0 (true/false), got "${fromEnv}"`);
  }
  return { retrain: argv.includes('--retrain') || FLAG.test(fromEnv) };
}
