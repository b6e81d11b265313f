import { createHash } from 'node:crypto';
import { ModelContractError, type ModelMetadata, parseModelMetadata } from './model-contract';
import { checkModelName, checkVersionId } from './model-names';
import { versionPrefix } from './model-pointer';
import type { ModelStore } from './model-store';
import { ModelIntegrityError, unknownVersion } from './registry-errors';

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * The one integrity check: `bytes` must exist and have the recorded size and sha256. Used by the
 * model cache, pinned versions and promotion alike; ModelIntegrityError naming `what` otherwise.
 */
export function verifyModelBytes(
  bytes: Uint8Array | undefined,
  expected: { sha256: string; size?: number },
  what: string,
): Uint8Array {
  if (bytes === undefined) throw new ModelIntegrityError(`${what} is missing`);
  if (expected.size !== undefined && bytes.length !== expected.size) {
    throw new ModelIntegrityError(
      `${what} has ${bytes.length} bytes, but ${expected.size} were recorded for it (truncated or replaced)`,
    );
  }
  const sha = sha256Hex(bytes);
  if (sha !== expected.sha256) {
    throw new ModelIntegrityError(
      `${what} has sha256 ${sha}, but ${expected.sha256} was recorded for it (the file is corrupt or was replaced)`,
    );
  }
  return bytes;
}

/**
 * What a stored version is, from its metadata.json alone (cheap enough for listings):
 * `complete` once the metadata — written last — is there and follows the contract; `incomplete`
 * without it (a publish that did not finish: an orphan); `invalid` when it does not parse.
 */
export type VersionState =
  | { state: 'complete'; metadata: ModelMetadata }
  | { state: 'incomplete'; problem: string }
  | { state: 'invalid'; problem: string };

export async function readVersionState(store: ModelStore, model: string, version: string): Promise<VersionState> {
  const key = `${versionPrefix(checkModelName(model), checkVersionId(version))}metadata.json`;
  const bytes = await store.versionFile(model, version, 'metadata.json');
  if (bytes === undefined) return { state: 'incomplete', problem: `${key} is missing (the publish did not finish)` };
  try {
    return { state: 'complete', metadata: parseModelMetadata(bytes, key) };
  } catch (error) {
    if (error instanceof ModelContractError) return { state: 'invalid', problem: error.message };
    throw error;
  }
}

/** A version whose every artifact checked out: its metadata and the bytes of its model.onnx. */
export interface VerifiedVersion {
  metadata: ModelMetadata;
  onnx: Uint8Array;
}

/**
 * Reads a version whole and checks it: metadata.json follows the contract and every artifact it
 * lists has its recorded size and sha256 (and model.onnx also any sha256 in `alsoExpected`, e.g.
 * the pointer's). NotFoundError when nothing of the version exists, ModelIntegrityError otherwise.
 */
export async function verifyVersion(
  store: ModelStore,
  model: string,
  version: string,
  alsoExpected: string[] = [],
): Promise<VerifiedVersion> {
  const read = await readVersionState(store, model, version);
  if (read.state !== 'complete') {
    if ((await store.versionFiles(model, version)).length === 0) throw unknownVersion(model, version);
    throw new ModelIntegrityError(`refusing ${model}@${version}: ${read.problem}`);
  }
  const { metadata } = read;
  // Read at once, checked in the metadata's order: the same version always fails the same way.
  const files = await Promise.all(metadata.artifacts.map((a) => store.versionFile(model, version, a.name)));
  let onnx: Uint8Array | undefined;
  metadata.artifacts.forEach((artifact, i) => {
    try {
      verifyModelBytes(files[i], artifact, `its ${artifact.name}`);
    } catch (error) {
      throw new ModelIntegrityError(`refusing ${model}@${version}: ${(error as Error).message}`);
    }
    if (artifact.name === 'model.onnx') onnx = files[i];
  });
  if (!onnx) throw new ModelIntegrityError(`refusing ${model}@${version}: its metadata.json lists no model.onnx`);
  const onnxSha = sha256Hex(onnx);
  const mismatch = [metadata.onnx.sha256, ...alsoExpected].find((sha) => sha !== onnxSha);
  if (mismatch) {
    throw new ModelIntegrityError(
      `refusing ${model}@${version}: its model.onnx has sha256 ${onnxSha}, but ${mismatch} was recorded for it`,
    );
  }
  return { metadata, onnx };
}
