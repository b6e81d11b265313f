import { ValidationError } from '@serverless-ml/errors';
import { readInvocationSettings } from './invocation-settings';

const VERSION = '2026-01-01T00-00-00-000Z-a1b2c3';
const attributes = (value: string) => ({ 'x-amzn-sagemaker-custom-attributes': value });
const read = (query: Record<string, string>, headers: Record<string, string> = {}) =>
  readInvocationSettings(query, headers, 50);

describe('readInvocationSettings', () => {
  it('takes nothing by default', () => {
    expect(read({})).toEqual({});
  });

  it('reads version and k from the query', () => {
    expect(read({ version: VERSION, k: '3' })).toEqual({ version: VERSION, k: 3 });
  });

  it.each([[`version=${VERSION}, k=3`], [`version=${VERSION};k=3`], [` Version = ${VERSION} , K=3 `]])(
    'reads version and k from the SageMaker custom attributes %s',
    (header) => {
      expect(read({}, attributes(header))).toEqual({ version: VERSION, k: 3 });
    },
  );

  it('takes a setting from both places when they agree', () => {
    expect(read({ k: '3' }, attributes('k=3'))).toEqual({ k: 3 });
  });

  it.each([
    [
      'disagreeing places',
      { k: '3' },
      attributes('k=4'),
      'k is 3 in the query but 4 in the custom attributes: send one, or the same',
    ],
    ['an unknown parameter', { model: 'rain' }, {}, 'unknown parameter "model": send version and k'],
    ['an unknown custom attribute', {}, attributes('trace=1'), /^unknown custom attribute "trace": /],
    ['an attribute without a value', {}, attributes('k'), /^custom attribute "k" is not name=value/],
    ['an attribute given twice', {}, attributes('k=1, k=2'), 'custom attribute k is given twice'],
    ['an empty attribute', {}, attributes('k= '), 'custom attribute k must not be empty'],
    ['k out of range', { k: '0' }, {}, 'k must be between 1 and 50, got 0'],
    ['k above MAX_K', {}, attributes('k=51'), 'k must be between 1 and 50, got 51'],
    ['k not whole', { k: '2.5' }, {}, 'k must be a whole number, got "2.5"'],
    ['a version that climbs out of its folder', { version: '../rain' }, {}, /is not a model version id/],
    [
      'TargetModel',
      {},
      { 'x-amzn-sagemaker-target-model': 'rain.tar.gz' },
      /^TargetModel \(x-amzn-sagemaker-target-model\) is not supported/,
    ],
    [
      'TargetVariant',
      {},
      { 'x-amzn-sagemaker-target-variant': 'v2' },
      /^TargetVariant .* pin a version with the custom attribute version=…$/,
    ],
  ])('answers 400 for %s', (_name, query, headers, message) => {
    expect(() => read(query, headers)).toThrow(ValidationError);
    expect(() => read(query, headers)).toThrow(message);
  });
});
