import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '@serverless-ml/datasets';
import { ModelStore } from '@serverless-ml/model-store';
import type { Provenance } from '../provenance';
import { parseTrainEvent } from '../schema';
import { trainModel } from '../train-model';
import { MemoryObjectStore } from './memory-object-store';

/** What one in-memory training published: model.onnx's hash and the parsed metadata.json. */
export interface Retrained {
  model: string;
  sha256: string;
  metadata: Record<string, unknown>;
}

/**
 * Runs ml-train's own path (event validation, trainer, publish) on a dataset read from
 * `dataDir`, with both buckets in memory: the model S3 would get, without S3.
 */
export async function retrainInMemory(
  event: unknown,
  options: { dataDir: string; provenance: Provenance; log?: (message: string) => void },
): Promise<Retrained> {
  const request = parseTrainEvent(event);
  const path = join(options.dataDir, request.datasetKey);
  const data = new MemoryObjectStore('data', existsSync(path) ? { [request.datasetKey]: readFileSync(path) } : {});
  const bucket = new MemoryObjectStore('models');
  const { keys } = await trainModel(request, {
    data,
    models: new ModelStore(bucket),
    log: options.log ?? (() => undefined),
    provenance: options.provenance,
  });
  const file = (name: string) => {
    const key = keys.find((k) => k.endsWith(`/${name}`));
    if (!key) throw new Error(`training ${request.model} published no ${name}`);
    return bucket.bytes(key);
  };
  return {
    model: request.model,
    sha256: sha256Hex(file('model.onnx')),
    metadata: JSON.parse(Buffer.from(file('metadata.json')).toString('utf8')),
  };
}
