import { execFileSync } from 'node:child_process';

/** The checked-out commit (with `-dirty` when the tree has changes), or undefined outside a git work tree. */
export function gitCommit(cwd: string = process.cwd()): string | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  try {
    const commit = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}-dirty` : commit;
  } catch {
    return process.env.GIT_COMMIT || undefined;
  }
}
