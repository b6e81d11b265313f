import type { InputSchema, ModelTask, OutputSchema } from '@serverless-ml/model-store/contract';

/** The numeric columns in CSV order: the `numeric` input tensor is `[N, 8]` in this order. */
export const HOUSING_NUMERIC_COLUMNS = [
  'longitude',
  'latitude',
  'housing_median_age',
  'total_rooms',
  'total_bedrooms',
  'population',
  'households',
  'median_income',
] as const;

/** The only numeric column that may be empty (207 rows): sent as NaN, imputed inside the graph. */
export const HOUSING_NULLABLE_COLUMN = 'total_bedrooms';
export const HOUSING_TARGET = 'median_house_value';
export const HOUSING_CATEGORY_COLUMN = 'ocean_proximity';
/** The five values of ocean_proximity in the data, sorted: the one-hot columns follow this order. */
export const HOUSING_CATEGORIES = ['<1H OCEAN', 'INLAND', 'ISLAND', 'NEAR BAY', 'NEAR OCEAN'] as const;
/** The CSV header, target included. */
export const HOUSING_CSV_COLUMNS = [...HOUSING_NUMERIC_COLUMNS, HOUSING_TARGET, HOUSING_CATEGORY_COLUMN] as const;

export const HOUSING_TASK: ModelTask = 'regression';

/** What a client sends: a CSV row without its target, as a `numeric` float32 and an `ocean_proximity` string tensor. */
export const HOUSING_INPUT_SCHEMA: InputSchema = {
  features: [
    ...HOUSING_NUMERIC_COLUMNS.map((name) =>
      name === HOUSING_NULLABLE_COLUMN
        ? { name, type: 'number' as const, nullable: true, description: 'empty → the training median' }
        : { name, type: 'number' as const },
    ),
    { name: HOUSING_CATEGORY_COLUMN, type: 'category', categories: [...HOUSING_CATEGORIES] },
  ],
  tensors: [
    { name: 'numeric', type: 'float32', features: [...HOUSING_NUMERIC_COLUMNS] },
    { name: HOUSING_CATEGORY_COLUMN, type: 'string', features: [HOUSING_CATEGORY_COLUMN] },
  ],
};

/** The answer: ONNX output `variable` float32 `[N, 1]`, the block group's median house value. */
export const HOUSING_OUTPUT_SCHEMA: OutputSchema = {
  tensor: 'variable',
  name: HOUSING_TARGET,
  description: 'median house value of the block group in USD (1990 census; the data caps it at 500001)',
};
