import { execFileSync } from 'node:child_process';
import { loadOrt } from '@serverless-ml/onnx';
import { version as libsvmJsVersion } from 'libsvm-js/package.json';
import { version as onnxProtoVersion } from 'onnx-proto/package.json';

/** What produced a model, beyond its data and parameters: recorded in every metadata.json. */
export interface Provenance {
  /** The git commit of the code (`-dirty` when it had uncommitted changes), or `unknown`. */
  codeVersion: string;
  /** Runtimes whose arithmetic or encoding shapes model.onnx. */
  versions: { node: string; 'libsvm-js': string; 'onnx-proto': string; 'onnxruntime-node': string };
}

/** Runs git in `dir`; undefined when there is no git binary or no repository (e.g. in Lambda). */
function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
  } catch {
    return undefined;
  }
}

/**
 * The code version: `CODE_VERSION` when the deployment set it (Lambda bundles carry no .git),
 * else the commit of the repository holding `dir`, else `unknown`.
 */
export function readCodeVersion(env: NodeJS.ProcessEnv, dir: string = __dirname): string {
  const fromEnv = env.CODE_VERSION?.trim();
  if (fromEnv && fromEnv !== 'unknown') return fromEnv;
  const commit = git(dir, ['rev-parse', 'HEAD'])?.trim();
  if (!commit) return 'unknown';
  // The commit alone would hide edits that change the model: say so.
  return git(dir, ['status', '--porcelain'])?.trim() ? `${commit}-dirty` : commit;
}

/** The code version and library versions, read once per container (git runs at most once). */
export function readProvenance(env: NodeJS.ProcessEnv, dir?: string): Provenance {
  return {
    codeVersion: readCodeVersion(env, dir),
    versions: {
      node: process.version,
      'libsvm-js': libsvmJsVersion,
      'onnx-proto': onnxProtoVersion,
      'onnxruntime-node': loadOrt().env.versions.node ?? 'unknown',
    },
  };
}
