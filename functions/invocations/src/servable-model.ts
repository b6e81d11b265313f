import { UpstreamError } from '@serverless-ml/errors';
import type { ModelMetadata } from '@serverless-ml/model-store/contract';

/** The file of a nearest-neighbours version that its `indices` point into (written by ml-train's stores). */
export const CATALOG_ARTIFACT = 'stores.json';
/** A nearest-neighbours graph's extra input (how many neighbours) and its distance output. */
export const K_INPUT = 'k';
export const DISTANCE_OUTPUT = 'chord2';

/** What a graph declares (an ONNX Runtime session's `inputNames` and `outputNames`). */
export interface GraphNames {
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/** The first way `metadata` and the graph disagree so that no request could be answered; undefined when none. */
function problemOf(metadata: ModelMetadata, graph: GraphNames): string | undefined {
  const { input, output, task } = metadata;
  const features = new Map(input.features.map((f) => [f.name, f]));
  for (const tensor of input.tensors) {
    for (const name of tensor.features) {
      const feature = features.get(name);
      if (!feature) return `input tensor ${tensor.name} reads ${name}, which is not an input feature`;
      if ((tensor.type === 'string') !== (feature.type === 'category')) {
        return `input tensor ${tensor.name} is ${tensor.type} but its feature ${name} is a ${feature.type}`;
      }
    }
    if (tensor.encoding === 'unit-vector' && (tensor.features.length !== 2 || tensor.type === 'string')) {
      return `the unit-vector tensor ${tensor.name} must read [latitude, longitude] as numbers`;
    }
    if (!graph.inputNames.includes(tensor.name)) return `the graph has no input ${tensor.name}`;
  }
  const nearest = task === 'nearest-neighbours';
  const described = new Set([...input.tensors.map((t) => t.name), ...(nearest ? [K_INPUT] : [])]);
  const undescribed = graph.inputNames.find((name) => !described.has(name));
  if (undescribed) return `the graph's input ${undescribed} is not described by metadata.json`;
  if (!graph.outputNames.includes(output.tensor)) return `the graph has no output ${output.tensor}`;
  if (nearest) {
    if (!graph.inputNames.includes(K_INPUT)) return `a nearest-neighbours graph needs an int64 input ${K_INPUT}`;
    if (!graph.outputNames.includes(DISTANCE_OUTPUT))
      return `a nearest-neighbours graph needs an output ${DISTANCE_OUTPUT}`;
    if (!metadata.artifacts.some((a) => a.name === CATALOG_ARTIFACT)) return `it has no ${CATALOG_ARTIFACT}`;
  }
  return undefined;
}

/** Refuses (503, naming why) a version whose metadata does not describe its graph: checked once per load. */
export function checkServable(metadata: ModelMetadata, graph: GraphNames): void {
  const problem = problemOf(metadata, graph);
  if (problem) {
    throw new UpstreamError(
      `${metadata.model}@${metadata.version} cannot be served by the invocations endpoint: ${problem}`,
    );
  }
}
