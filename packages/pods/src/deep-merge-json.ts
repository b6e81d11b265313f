/** A parsed JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges two JSON documents: objects key by key, recursively; anywhere else (scalars, arrays,
 * a type change) the pod's value wins, as in LocalStack's "deep merge".
 */
export function deepMergeJson(current: Json, pod: Json): Json {
  if (!isObject(current) || !isObject(pod)) return pod;
  const merged: { [key: string]: Json } = { ...current };
  for (const [key, value] of Object.entries(pod)) {
    const mine = merged[key];
    merged[key] = mine === undefined ? value : deepMergeJson(mine, value);
  }
  return merged;
}

const POINTER = /^models\/[^/]+\/latest\.json$/;

/** Whether the key is a model registry pointer (`models/<name>/latest.json`). */
export function isModelPointer(key: string): boolean {
  return POINTER.test(key);
}

function stringField(doc: Json, field: string): string {
  if (!isObject(doc)) return '';
  const value = doc[field];
  return typeof value === 'string' ? value : '';
}

/**
 * Which of two registry pointers is newer: by `publishedAt`, then by version id (ids sort by
 * time). Merging two pointers field by field could name one version with the other's checksum.
 */
export function newerPointer(current: Json, pod: Json): 'current' | 'pod' {
  const by = (doc: Json) => [stringField(doc, 'publishedAt'), stringField(doc, 'version')] as const;
  const [a, b] = [by(current), by(pod)];
  if (a[0] !== b[0]) return a[0] > b[0] ? 'current' : 'pod';
  return a[1] > b[1] ? 'current' : 'pod';
}

/** Whether an object is a JSON document that deep-merge may open. */
export function isJsonObject(key: string, contentType?: string): boolean {
  return key.endsWith('.json') || /^application\/(.+\+)?json\b/.test(contentType ?? '');
}

/** Parses JSON, or `undefined` when the bytes are not JSON (then the pod's object wins whole). */
export function tryParseJson(bytes: Buffer): Json | undefined {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
