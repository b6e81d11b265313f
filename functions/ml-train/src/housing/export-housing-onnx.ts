import { buildModel } from '@serverless-ml/onnx/graph';
import { withMlOpset } from '@serverless-ml/onnx/trees';
import { onnx } from 'onnx-proto';
import { HOUSING_CATEGORY_COLUMN, HOUSING_NUMERIC_COLUMNS } from './housing-contract';
import { type HousingPreprocessing, housingPreprocessingGraph } from './housing-features';
import type { GraphPart } from './model-graphs';

const { FLOAT, STRING } = onnx.TensorProto.DataType;

/**
 * The whole housing model as ONNX: raw CSV columns in (`numeric` float32 [N, 8] with NaN for an
 * empty total_bedrooms, `ocean_proximity` string [N, 1]), the shared preprocessing, the model's
 * head, `variable` float32 [N, 1] out (USD). The bytes depend only on the arguments.
 */
export function exportHousingOnnx(
  name: string,
  prep: HousingPreprocessing,
  head: GraphPart,
  metadata: Record<string, string>,
  docString: string,
): Uint8Array {
  const preprocessing = housingPreprocessingGraph(prep);
  return withMlOpset(
    buildModel({
      name: `housing_${name}`,
      docString,
      metadata,
      inputs: [
        { name: 'numeric', elemType: FLOAT, shape: ['N', HOUSING_NUMERIC_COLUMNS.length] },
        { name: HOUSING_CATEGORY_COLUMN, elemType: STRING, shape: ['N', 1] },
      ],
      outputs: [{ name: 'variable', elemType: FLOAT, shape: ['N', 1] }],
      initializers: [...preprocessing.initializers, ...head.initializers],
      nodes: [...preprocessing.nodes, ...head.nodes],
    }),
  );
}
