import { createSession, loadOrt, type Ort, type OrtSession } from '@serverless-ml/onnx';
import { HOUSING_CATEGORY_COLUMN, HOUSING_NUMERIC_COLUMNS } from './housing-contract';
import { categoryNames, type HousingRows } from './housing-dataset';

/** The ONNX inputs for rows, as a client sends them: float32 numbers (NaN for an empty cell) and strings. */
export function housingOnnxInputs(ort: Ort, rows: HousingRows) {
  return {
    numeric: new ort.Tensor('float32', Float32Array.from(rows.numeric), [rows.count, HOUSING_NUMERIC_COLUMNS.length]),
    [HOUSING_CATEGORY_COLUMN]: new ort.Tensor('string', categoryNames(rows), [rows.count, 1]),
  };
}

/** Runs a session on rows; returns `variable` (USD), one per row. */
export async function runHousingSession(session: OrtSession, rows: HousingRows): Promise<Float32Array> {
  const { variable } = await session.run(housingOnnxInputs(loadOrt(), rows));
  if (!(variable.data instanceof Float32Array)) throw new TypeError('the variable output is not float32');
  if (variable.dims.join() !== `${rows.count},1`) throw new TypeError(`variable has shape [${variable.dims}]`);
  return variable.data;
}

/** Predicts rows with the exported model in the real ONNX Runtime. */
export async function predictHousingOnnx(model: Uint8Array, rows: HousingRows): Promise<Float32Array> {
  const session = await createSession(model);
  try {
    return await runHousingSession(session, rows);
  } finally {
    await session.release();
  }
}
