import { NotFoundError } from '@serverless-ml/errors';
import { checkModelName, checkVersionId } from './model-names';
import { type ModelPointer, promotedPointer, rolledBackPointer } from './model-pointer';
import type { ModelStore } from './model-store';
import { RegistryConflictError, unknownModel } from './registry-errors';
import { verifyVersion } from './version-integrity';

/** What a promote or rollback did: `changed` is false when the version was already promoted. */
export interface PromotionResult {
  model: string;
  from?: string;
  to: string;
  changed: boolean;
  pointer: ModelPointer;
}

/**
 * Makes `version` the promoted one: checks the whole version (metadata per the contract, every
 * artifact's size and sha256), then one write (the pointer). An incomplete version is refused.
 */
export async function promoteVersion(
  store: ModelStore,
  model: string,
  version: string,
  now: Date,
): Promise<PromotionResult> {
  checkModelName(model);
  checkVersionId(version);
  const current = await store.latest(model);
  const known = (current?.history ?? []).filter((h) => h.version === version).map((h) => h.modelSha256);
  if (current?.version === version) known.push(current.modelSha256);
  const modelSha256 = await verifyVersion(store, model, version, known).then(
    (v) => v.metadata.onnx.sha256,
    async (error: unknown) => {
      const unknown = error instanceof NotFoundError && !current && (await store.versions(model)).length === 0;
      if (unknown) throw unknownModel(model, await store.models());
      throw error;
    },
  );
  if (current?.version === version) return { model, from: version, to: version, changed: false, pointer: current };
  // Re-read at write time: a version published meanwhile goes into the history, not lost.
  const { previous, pointer } = await store.updatePointer(model, (latest) =>
    latest?.version === version ? latest : promotedPointer(model, { version, modelSha256 }, latest, now),
  );
  return { model, from: previous?.version, to: version, changed: previous?.version !== version, pointer };
}

/** Undoes the last promotion (or publish): the newest history entry becomes the pointer, in one write. */
export async function rollbackModel(store: ModelStore, model: string, now: Date): Promise<PromotionResult> {
  checkModelName(model);
  const current = await store.latest(model);
  if (!current) throw unknownModel(model, await store.models());
  const pointer = rolledBackPointer(current, now);
  if (!pointer) {
    throw new RegistryConflictError(
      `${model} has no earlier promotion to roll back to (it is at ${current.version}): ` +
        `promote a version instead with \`pnpm ml models promote ${model}@<version>\``,
    );
  }
  await verifyVersion(store, model, pointer.version, [pointer.modelSha256]);
  const { pointer: written } = await store.updatePointer(model, (latest) => {
    // Undo only the promotion that was checked: another one since then is not ours to undo.
    if (latest?.version !== current.version || latest.publishedAt !== current.publishedAt) {
      throw new RegistryConflictError(
        `${model} changed while rolling back (now at ${latest?.version ?? 'nothing'}, was ${current.version}): ` +
          `nothing was rolled back; look at \`pnpm ml models show ${model}\` and try again`,
      );
    }
    return pointer;
  });
  return { model, from: current.version, to: written.version, changed: true, pointer: written };
}
