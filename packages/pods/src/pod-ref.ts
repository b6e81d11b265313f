import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { podName } from './pod-format';

/** Where a pod is: a name (and optional version) in the pods bucket, or a zip file. */
export type PodRef = { kind: 'bucket'; name: string; version?: string } | { kind: 'file'; path: string };

/** Parses `<name>[:<version>]` or `file://<path>.zip` (relative paths are taken from `cwd`). */
export function parsePodRef(ref: string, cwd: string = process.cwd()): PodRef {
  if (ref.startsWith('file://')) {
    // `file://./demo.zip` and `file://demo.zip` are relative; `file:///tmp/demo.zip` is absolute.
    const rest = ref.slice('file://'.length);
    const file = rest.startsWith('/') ? fileURLToPath(`file://${rest}`) : path.resolve(cwd, rest);
    if (!file.endsWith('.zip')) throw new Error(`a pod file must end in .zip: ${ref}`);
    return { kind: 'file', path: file };
  }
  const [name, version, extra] = ref.split(':');
  if (extra !== undefined || version === '') throw new Error(`expected <name>[:<version>], got "${ref}"`);
  const parsed = podName.safeParse(name);
  if (!parsed.success) throw new Error(`bad pod name "${name}": ${parsed.error.issues[0]?.message}`);
  return version === undefined ? { kind: 'bucket', name } : { kind: 'bucket', name, version };
}

/** A pod's name for display and for a zip's descriptor: the file's base name for `file://`. */
export function podRefName(ref: PodRef): string {
  return ref.kind === 'bucket' ? ref.name : path.basename(ref.path, '.zip');
}
