import { ValidationError } from '@serverless-ml/errors';
import { parseTrainingRequest } from './schema';

describe('parseTrainingRequest', () => {
  it("defaults promote to if-better and turns the request into ml-train's event without promotion", () => {
    expect(parseTrainingRequest({ model: 'housing', algorithm: 'gbm', seed: 7 })).toEqual({
      model: 'housing',
      promote: 'if-better',
      trainEvent: { model: 'housing', algorithm: 'gbm', seed: 7, promote: false },
    });
  });

  it.each([
    [{ model: 'iris' }, 'model must be one of "digits", "rain", "stores", "housing"'],
    [{ model: 'housing', promote: 'sometimes' }, 'promote must be "always" or "if-better"'],
    [{ model: 'housing', seed: 1.5 }, 'seed must be a whole number'],
    [{ model: 'housing', hyperParameters: 3 }, 'hyperParameters must be an object'],
    [{ model: 'digits', algorithm: 'gbm' }, 'algorithm does not apply to model "digits"'],
    [{ model: 'housing', epochs: 3 }, 'epochs'],
  ])('refuses %j naming the field', (request, message) => {
    expect(() => parseTrainingRequest(request)).toThrow(ValidationError);
    expect(() => parseTrainingRequest(request)).toThrow(message);
  });
});
