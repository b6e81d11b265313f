import { floatTensor, int64Tensor, node } from '@serverless-ml/onnx/graph';
import { onnx } from 'onnx-proto';
import { HOUSING_CATEGORIES, HOUSING_NULLABLE_COLUMN, HOUSING_NUMERIC_COLUMNS } from './housing-contract';
import type { HousingRows } from './housing-dataset';

// The features every model sees, computed twice — here in float32 for training, and as ONNX nodes
// in the graph — with the same float32 operations (a float64 quotient rounded once to float32 is
// the float32 quotient), so that a tree takes the same branch in both.
const N = HOUSING_NUMERIC_COLUMNS.length;
const col = (name: (typeof HOUSING_NUMERIC_COLUMNS)[number]) => HOUSING_NUMERIC_COLUMNS.indexOf(name);
const BEDROOMS = col(HOUSING_NULLABLE_COLUMN);
/** Engineered ratios: [name, numerator column, denominator column]. */
const RATIOS = [
  ['rooms_per_household', col('total_rooms'), col('households')],
  ['bedrooms_per_room', col('total_bedrooms'), col('total_rooms')],
  ['population_per_household', col('population'), col('households')],
] as const;

export const HOUSING_FEATURE_NAMES: readonly string[] = [
  ...HOUSING_NUMERIC_COLUMNS,
  ...RATIOS.map(([name]) => name),
  ...HOUSING_CATEGORIES.map((c) => `ocean_proximity=${c}`),
];
export const HOUSING_FEATURE_COUNT = HOUSING_FEATURE_NAMES.length;

/** What preprocessing learns from the training rows. */
export interface HousingPreprocessing {
  /** float32 median of the non-empty total_bedrooms: fills an empty one. */
  bedroomsMedian: number;
}

/** Learns the imputation value from the training rows. */
export function fitHousingPreprocessing(train: HousingRows): HousingPreprocessing {
  const known: number[] = [];
  for (let i = 0; i < train.count; i++) {
    const v = Math.fround(train.numeric[i * N + BEDROOMS]);
    if (!Number.isNaN(v)) known.push(v);
  }
  if (known.length === 0) throw new RangeError('no training row has total_bedrooms: cannot impute it');
  known.sort((a, b) => a - b);
  const mid = known.length >> 1;
  const median = known.length % 2 === 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
  return { bedroomsMedian: Math.fround(median) };
}

/** The `[count × 16]` float32 feature matrix the graph's `features` node holds for these rows. */
export function housingFeatures(rows: HousingRows, prep: HousingPreprocessing): Float32Array {
  const out = new Float32Array(rows.count * HOUSING_FEATURE_COUNT);
  const x = new Float32Array(N);
  for (let i = 0; i < rows.count; i++) {
    for (let c = 0; c < N; c++) x[c] = rows.numeric[i * N + c];
    if (Number.isNaN(x[BEDROOMS])) x[BEDROOMS] = prep.bedroomsMedian;
    const at = i * HOUSING_FEATURE_COUNT;
    out.set(x, at);
    for (let r = 0; r < RATIOS.length; r++) out[at + N + r] = x[RATIOS[r][1]] / x[RATIOS[r][2]];
    out[at + N + RATIOS.length + rows.category[i]] = 1;
  }
  return out;
}

/**
 * ONNX nodes from the raw inputs (`numeric` float32 [N, 8], `ocean_proximity` string [N, 1]) to
 * `features` float32 [N, 16]: IsNaN+Where fill total_bedrooms (and only it: other NaNs stay NaN),
 * Gather+Div the ratios, OneHotEncoder the category (an unknown one encodes as all zeros).
 */
export function housingPreprocessingGraph(prep: HousingPreprocessing): {
  nodes: onnx.INodeProto[];
  initializers: onnx.ITensorProto[];
} {
  const fill = Array.from({ length: N }, (_, c) => (c === BEDROOMS ? prep.bedroomsMedian : Number.NaN));
  return {
    initializers: [
      floatTensor('impute_values', [1, N], fill),
      int64Tensor(
        'ratio_numerators',
        [RATIOS.length],
        RATIOS.map(([, top]) => top),
      ),
      int64Tensor(
        'ratio_denominators',
        [RATIOS.length],
        RATIOS.map(([, , bottom]) => bottom),
      ),
      int64Tensor('one_hot_shape', [2], [-1, HOUSING_CATEGORIES.length]),
    ],
    nodes: [
      node('IsNaN', ['numeric'], ['numeric_missing']),
      node('Where', ['numeric_missing', 'impute_values', 'numeric'], ['imputed']),
      node('Gather', ['imputed', 'ratio_numerators'], ['ratio_tops'], { axis: 1 }),
      node('Gather', ['imputed', 'ratio_denominators'], ['ratio_bottoms'], { axis: 1 }),
      node('Div', ['ratio_tops', 'ratio_bottoms'], ['ratios']),
      oneHotEncoderNode('ocean_proximity', 'one_hot_3d'),
      node('Reshape', ['one_hot_3d', 'one_hot_shape'], ['one_hot']),
      node('Concat', ['imputed', 'ratios', 'one_hot'], ['features'], { axis: 1 }),
    ],
  };
}

/** ai.onnx.ml OneHotEncoder: [N, 1] strings → [N, 1, 5] floats. STRINGS are set by hand (the builder infers INTS). */
function oneHotEncoderNode(input: string, output: string): onnx.INodeProto {
  const encoder = node('OneHotEncoder', [input], [output], { zeros: 1 }, 'ai.onnx.ml');
  const strings = HOUSING_CATEGORIES.map((c) => Buffer.from(c));
  encoder.attribute?.push({ name: 'cats_strings', type: onnx.AttributeProto.AttributeType.STRINGS, strings });
  return encoder;
}
