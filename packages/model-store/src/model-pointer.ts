import type { ModelPointer, PromotionRecord } from './model-contract';

export type { ModelPointer, PromotionRecord } from './model-contract';

/** How many earlier promotions a pointer remembers (each ~150 bytes). */
export const MAX_POINTER_HISTORY = 20;

/** `models/<name>/versions/<version>/`: where every file of a version lives. */
export function versionPrefix(model: string, version: string): string {
  return `models/${model}/versions/${version}/`;
}

/** The history of a pointer that replaces `previous`: `previous` itself goes on top. */
export function historyAfter(previous: ModelPointer | undefined): PromotionRecord[] {
  if (!previous) return [];
  const record = { version: previous.version, modelSha256: previous.modelSha256, promotedAt: previous.publishedAt };
  return [record, ...(previous.history ?? [])].slice(0, MAX_POINTER_HISTORY);
}

/** The pointer that makes `version` the promoted one, remembering what it replaces. */
export function promotedPointer(
  model: string,
  target: { version: string; modelSha256: string },
  previous: ModelPointer | undefined,
  now: Date,
): ModelPointer {
  return {
    model,
    version: target.version,
    prefix: versionPrefix(model, target.version),
    modelSha256: target.modelSha256,
    publishedAt: now.toISOString(),
    history: historyAfter(previous),
  };
}

/** The pointer after undoing the last promotion; `undefined` when there is nothing to go back to. */
export function rolledBackPointer(current: ModelPointer, now: Date): ModelPointer | undefined {
  const [back, ...older] = current.history ?? [];
  if (!back) return undefined;
  return {
    model: current.model,
    version: back.version,
    prefix: versionPrefix(current.model, back.version),
    modelSha256: back.modelSha256,
    publishedAt: now.toISOString(),
    history: older,
  };
}
