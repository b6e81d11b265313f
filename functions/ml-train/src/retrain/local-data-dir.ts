import { join } from 'node:path';

/** The repository's data/ folder (what `pnpm start` uploads), or $DATA_DIR: for local scripts. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ?? join(__dirname, '..', '..', '..', '..', 'data');
}
