import { createSession, loadOrt } from '@serverless-ml/onnx';
import { buildModel } from '@serverless-ml/onnx/graph';
import { withMlOpset } from '@serverless-ml/onnx/trees';
import { onnx } from 'onnx-proto';
import { housingOnnxInputs } from './evaluate-housing-onnx';
import { parseHousingCsv, selectRows, splitHousingRows } from './housing-dataset';
import {
  fitHousingPreprocessing,
  HOUSING_FEATURE_COUNT,
  HOUSING_FEATURE_NAMES,
  type HousingPreprocessing,
  housingFeatures,
  housingPreprocessingGraph,
} from './housing-features';
import { realHousing } from './housing-fixture';

const { FLOAT, STRING } = onnx.TensorProto.DataType;

/** The preprocessing alone as a model whose output is the `features` tensor. */
function preprocessingModel(prep: HousingPreprocessing): Uint8Array {
  const { nodes, initializers } = housingPreprocessingGraph(prep);
  return withMlOpset(
    buildModel({
      name: 'housing_preprocessing',
      inputs: [
        { name: 'numeric', elemType: FLOAT, shape: ['N', 8] },
        { name: 'ocean_proximity', elemType: STRING, shape: ['N', 1] },
      ],
      outputs: [{ name: 'features', elemType: FLOAT, shape: ['N', HOUSING_FEATURE_COUNT] }],
      initializers,
      nodes,
    }),
  );
}

describe('housingFeatures', () => {
  const header =
    'longitude,latitude,housing_median_age,total_rooms,total_bedrooms,population,households,median_income,median_house_value,ocean_proximity';
  const { rows } = parseHousingCsv(
    `${header}\n-122,37,41,800,100,300,100,8,1,NEAR BAY\n-121,38,5,1000,,500,200,2.5,1,INLAND\n-120,36,9,600,300,30,10,1,1,ISLAND\n`,
  );

  it('fills an empty total_bedrooms with the training median and adds the ratios and the one-hot category', () => {
    const prep = fitHousingPreprocessing(rows);
    expect(prep.bedroomsMedian).toBe(200);
    const features = housingFeatures(rows, prep);
    const second = Array.from(features.subarray(HOUSING_FEATURE_COUNT, 2 * HOUSING_FEATURE_COUNT));
    expect(HOUSING_FEATURE_NAMES.slice(8)).toEqual([
      'rooms_per_household',
      'bedrooms_per_room',
      'population_per_household',
      'ocean_proximity=<1H OCEAN',
      'ocean_proximity=INLAND',
      'ocean_proximity=ISLAND',
      'ocean_proximity=NEAR BAY',
      'ocean_proximity=NEAR OCEAN',
    ]);
    expect(second).toEqual([-121, 38, 5, 1000, 200, 500, 200, 2.5, 5, 0.2, 2.5, 0, 1, 0, 0, 0].map(Math.fround));
  });

  it('equals, bit for bit, what ONNX Runtime computes from the raw inputs on every training row', async () => {
    // Bit-equality is what lets the exported trees take exactly the trainer's branches.
    const { train } = splitHousingRows(realHousing().rows);
    const prep = fitHousingPreprocessing(train);
    const session = await createSession(preprocessingModel(prep));
    try {
      const { features } = await session.run(housingOnnxInputs(loadOrt(), train));
      expect(features.dims).toEqual([train.count, HOUSING_FEATURE_COUNT]);
      expect(Buffer.from((features.data as Float32Array).buffer)).toEqual(
        Buffer.from(housingFeatures(train, prep).buffer),
      );
    } finally {
      await session.release();
    }
  });

  it('leaves NaN in a column other than total_bedrooms and encodes an unknown category as all zeros', async () => {
    const prep = fitHousingPreprocessing(rows);
    const session = await createSession(preprocessingModel(prep));
    try {
      const ort = loadOrt();
      const one = selectRows(rows, (i) => i === 0);
      const inputs = housingOnnxInputs(ort, one);
      const numeric = Float32Array.from(one.numeric);
      numeric[0] = Number.NaN;
      const { features } = await session.run({
        numeric: new ort.Tensor('float32', numeric, [1, 8]),
        ocean_proximity: new ort.Tensor('string', ['ON THE MOON'], [1, 1]),
      });
      const values = Array.from(features.data as Float32Array);
      expect(Number.isNaN(values[0])).toBe(true);
      expect(values.slice(11)).toEqual([0, 0, 0, 0, 0]);
      expect(inputs.numeric.dims).toEqual([1, 8]);
    } finally {
      await session.release();
    }
  });
});
