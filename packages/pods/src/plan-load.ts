import { isJsonObject, isModelPointer } from './deep-merge-json';
import type { PodObject } from './pod-format';
import type { ListedObject } from './s3-objects';

/** How a pod meets what the buckets already hold. */
export const STRATEGIES = ['overwrite', 'merge', 'deep-merge'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** One object the load will write; `deep-merge` ones are resolved against the current JSON first. */
export interface PlannedWrite {
  kind: 'add' | 'replace' | 'deep-merge';
  index: number;
  object: PodObject;
}

export interface LoadPlan {
  writes: PlannedWrite[];
  deletes: { bucket: string; key: string }[];
  /** Same size and MD5 (the S3 ETag) as the pod's object: not rewritten. */
  unchanged: PodObject[];
}

/**
 * Decides, from a listing only, what a load adds, replaces and deletes. `overwrite` makes the
 * buckets exactly the pod; `merge` keeps other keys; `deep-merge` also marks JSON on both sides.
 */
export function planLoad(
  objects: readonly PodObject[],
  current: readonly ListedObject[],
  strategy: Strategy,
): LoadPlan {
  const existing = new Map(current.map((o) => [`${o.bucket}\n${o.key}`, o]));
  const inPod = new Set<string>();
  const plan: LoadPlan = { writes: [], deletes: [], unchanged: [] };
  objects.forEach((object, index) => {
    const id = `${object.bucket}\n${object.key}`;
    inPod.add(id);
    const there = existing.get(id);
    if (!there) plan.writes.push({ kind: 'add', index, object });
    else if (there.size === object.size && there.etag === object.md5) plan.unchanged.push(object);
    else if (strategy === 'deep-merge' && isJsonObject(object.key, object.contentType))
      plan.writes.push({ kind: 'deep-merge', index, object });
    else plan.writes.push({ kind: 'replace', index, object });
  });
  if (strategy === 'overwrite') {
    for (const o of current)
      if (!inPod.has(`${o.bucket}\n${o.key}`)) plan.deletes.push({ bucket: o.bucket, key: o.key });
  }
  // Registry pointers go last, like ml-train's publish: a reader never sees one before its files.
  plan.writes.sort((a, b) => Number(isModelPointer(a.object.key)) - Number(isModelPointer(b.object.key)));
  return plan;
}

/**
 * Maps the stage in stage-derived bucket names (`serverless-ml-<stage>-data`) so a pod saved on
 * `dev` loads into `ci`; other bucket names are kept.
 */
export function mapBucket(bucket: string, fromStage: string, toStage: string): string {
  const prefix = `serverless-ml-${fromStage}-`;
  return bucket.startsWith(prefix) ? `serverless-ml-${toStage}-${bucket.slice(prefix.length)}` : bucket;
}
