import { ValidationError } from '@serverless-ml/errors';
import { parseTrainEvent } from './schema';

describe('parseTrainEvent', () => {
  it("defaults to the tutorial's digits model for an empty event", () => {
    expect(parseTrainEvent('')).toEqual(parseTrainEvent(undefined));
    expect(parseTrainEvent(undefined)).toEqual({
      model: 'digits',
      datasetKey: 'digits.csv.gz',
      hyperParameters: { gamma: 0.001, C: 1, tol: 0.001 },
    });
  });

  it('gives each model its own dataset by default', () => {
    expect(parseTrainEvent({ model: 'rain' })).toEqual({ model: 'rain', datasetKey: 'weather.csv' });
    expect(parseTrainEvent({ model: 'stores' })).toEqual({ model: 'stores', datasetKey: 'stores.csv' });
    expect(parseTrainEvent({ model: 'housing' })).toEqual({
      model: 'housing',
      datasetKey: 'housing.csv',
      algorithm: 'gbm',
      seed: 42,
    });
  });

  it('takes a housing algorithm and its hyper-parameters (checked by the housing trainer)', () => {
    expect(parseTrainEvent({ model: 'housing', algorithm: 'forest', hyperParameters: { trees: 10 } })).toMatchObject({
      algorithm: 'forest',
      hyperParameters: { trees: 10 },
    });
  });

  it('keeps defaults for hyper-parameters that are not overridden', () => {
    expect(parseTrainEvent({ hyperParameters: { C: 10 } })).toMatchObject({
      hyperParameters: { gamma: 0.001, C: 10, tol: 0.001 },
    });
  });

  it.each([
    [{ hyperParameters: { gamma: 0 } }, 'Invalid ml-train event: hyperParameters.gamma must be greater than 0'],
    [{ hyperParameters: { C: 'big' } }, 'Invalid ml-train event: hyperParameters.C must be a number'],
    [{ model: 'cats' }, 'Invalid ml-train event: model must be one of "digits", "rain", "stores", "housing"'],
    [{ model: 'rain', hyperParameters: { C: 1 } }, 'Invalid ml-train event: Unrecognized key: "hyperParameters"'],
    [{ model: 'rain', seed: 1.5 }, 'Invalid ml-train event: seed must be a whole number'],
    [[1, 2], 'Invalid ml-train event: must be a JSON object like {"model": "digits"}'],
    [{ epochs: 3 }, 'Invalid ml-train event: Unrecognized key: "epochs"'],
  ])('rejects %j naming the field', (event, message) => {
    expect(() => parseTrainEvent(event)).toThrow(new ValidationError(message));
  });
});
