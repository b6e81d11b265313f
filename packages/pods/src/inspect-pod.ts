import { isModelPointer, type Json, tryParseJson } from './deep-merge-json';
import type { PodDescriptor, PodManifest, PodObject } from './pod-format';
import type { PodReader } from './pod-io';
import { openPod, readVerified } from './verify-pod';

/** A model found in a pod: its `latest` version and that version's headline metrics. */
export interface PodModel {
  bucket: string;
  name: string;
  version?: string;
  publishedAt?: string;
  metrics: Record<string, number>;
  /** Every version folder the pod holds for this model. */
  versions: string[];
}

/** What `pod inspect` shows. */
export interface PodInspection {
  descriptor: PodDescriptor;
  buckets: { bucket: string; objects: number; bytes: number }[];
  models: PodModel[];
  objects: PodObject[];
}

const SMALL = 4 * 1024 * 1024;

const field = (doc: Json | undefined, name: string): Json | undefined =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc[name] : undefined;

function numbers(doc: Json | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return out;
  for (const [key, value] of Object.entries(doc)) if (typeof value === 'number') out[key] = value;
  return out;
}

async function readModel(reader: PodReader, manifest: PodManifest, pointerIndex: number): Promise<PodModel> {
  const pointerObject = manifest.objects[pointerIndex];
  const { bucket } = pointerObject;
  const name = pointerObject.key.split('/')[1] ?? '';
  const versionsPrefix = `models/${name}/versions/`;
  const versions = new Set<string>();
  for (const o of manifest.objects) {
    if (o.bucket === bucket && o.key.startsWith(versionsPrefix))
      versions.add(o.key.slice(versionsPrefix.length).split('/')[0]);
  }
  const read = async (index: number) => tryParseJson(await readVerified(reader, index, manifest.objects[index], SMALL));
  const pointer = await read(pointerIndex);
  const version = field(pointer, 'version');
  const publishedAt = field(pointer, 'publishedAt');
  const model: PodModel = { bucket, name, metrics: {}, versions: [...versions].sort() };
  if (typeof version === 'string') model.version = version;
  if (typeof publishedAt === 'string') model.publishedAt = publishedAt;
  const metadataKey = `${versionsPrefix}${version}/metadata.json`;
  const metadataIndex = manifest.objects.findIndex((o) => o.bucket === bucket && o.key === metadataKey);
  if (metadataIndex >= 0) model.metrics = numbers(field(await read(metadataIndex), 'metrics'));
  return model;
}

/** Summarises a pod: buckets, objects and the models it holds with their metrics (reads only the small JSON). */
export async function inspectPod(reader: PodReader): Promise<PodInspection> {
  const { descriptor, manifest } = await openPod(reader);
  const buckets = new Map<string, { bucket: string; objects: number; bytes: number }>();
  for (const b of manifest.buckets) buckets.set(b, { bucket: b, objects: 0, bytes: 0 });
  const models: PodModel[] = [];
  for (const [index, o] of manifest.objects.entries()) {
    const entry = buckets.get(o.bucket) ?? { bucket: o.bucket, objects: 0, bytes: 0 };
    entry.objects += 1;
    entry.bytes += o.size;
    buckets.set(o.bucket, entry);
    if (isModelPointer(o.key)) models.push(await readModel(reader, manifest, index));
  }
  return { descriptor, buckets: [...buckets.values()], models, objects: manifest.objects };
}
