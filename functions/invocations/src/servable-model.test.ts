import { UpstreamError } from '@serverless-ml/errors';
import type { ModelMetadata } from '@serverless-ml/model-store/contract';
import { checkServable } from './servable-model';
import { housingModel, storesModel } from './test-models.fixture';

const HOUSING = { inputNames: ['numeric', 'ocean_proximity'], outputNames: ['variable'] };
const STORES = { inputNames: ['query', 'k'], outputNames: ['chord2', 'indices'] };

/** The housing fixture's metadata with one change. */
function housing(change: (m: ModelMetadata) => void): ModelMetadata {
  const { metadata } = housingModel();
  change(metadata);
  return metadata;
}

describe('checkServable', () => {
  it('accepts metadata that describes its graph', () => {
    expect(() => checkServable(housingModel().metadata, HOUSING)).not.toThrow();
    expect(() => checkServable(storesModel().metadata, STORES)).not.toThrow();
  });

  it.each([
    [
      'a tensor reading a feature that does not exist',
      housing((m) => m.input.tensors[0].features.push('rooms')),
      HOUSING,
      'input tensor numeric reads rooms, which is not an input feature',
    ],
    [
      'a category in a float tensor',
      housing((m) => m.input.tensors[0].features.push('ocean_proximity')),
      HOUSING,
      'input tensor numeric is float32 but its feature ocean_proximity is a category',
    ],
    [
      'a graph input the metadata does not describe',
      housingModel().metadata,
      { ...HOUSING, inputNames: [...HOUSING.inputNames, 'extra'] },
      "the graph's input extra is not described by metadata.json",
    ],
    [
      'an output the graph lacks',
      housing((m) => (m.output.tensor = 'price')),
      HOUSING,
      'the graph has no output price',
    ],
    [
      'a nearest-neighbours graph without k',
      storesModel().metadata,
      { ...STORES, inputNames: ['query'] },
      'a nearest-neighbours graph needs an int64 input k',
    ],
  ])('refuses (503) %s, naming it', (_name, metadata, graph, problem) => {
    expect(() => checkServable(metadata, graph)).toThrow(UpstreamError);
    expect(() => checkServable(metadata, graph)).toThrow(
      `${metadata.model}@${metadata.version} cannot be served by the invocations endpoint: ${problem}`,
    );
  });
});
