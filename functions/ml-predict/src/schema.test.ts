import { ValidationError } from '@serverless-ml/errors';
import { parsePredictRequest } from './schema';

const image = () => Array.from({ length: 64 }, (_, i) => i % 17);

describe('parsePredictRequest', () => {
  it('treats an empty event as a request to predict the stored test set', () => {
    expect(parsePredictRequest({}, 10)).toEqual({ kind: 'test-set' });
    expect(parsePredictRequest(null, 10)).toEqual({ kind: 'test-set' });
  });

  it('accepts valid images', () => {
    expect(parsePredictRequest({ images: [image()] }, 10)).toEqual({ kind: 'images', images: [image()] });
  });

  it.each([
    ['a short image', { images: [image().slice(0, 3)] }, /images\[0\] must have 64 values .*got 3/],
    ['a pixel above 16', { images: [[...image().slice(0, 63), 17]] }, /images\[0\]\[63\] must be between 0 and 16/],
    ['a negative pixel', { images: [[-1, ...image().slice(1)]] }, /images\[0\]\[0\] must be between 0 and 16/],
    ['a string pixel', { images: [['NaN', ...image().slice(1)]] }, /images\[0\]\[0\] must be a number, got string/],
    [
      'a null pixel (NaN through JSON.stringify)',
      { images: [[null, ...image().slice(1)]] },
      /must be a number, got null/,
    ],
    ['no images', { images: [] }, /images must hold at least one image/],
    ['too many images', { images: [image(), image(), image()] }, /at most 2 images/],
    ['a missing images field', { pictures: [image()] }, /images is required/],
    ['an unknown field', { images: [image()], colour: 'red' }, /Unrecognized key.*colour/],
  ])('rejects %s with a message naming the problem', (_name, body, message) => {
    expect(() => parsePredictRequest(body, 2)).toThrow(message);
    expect(() => parsePredictRequest(body, 2)).toThrow(ValidationError);
  });

  it('pins a model version for the test set or for images', () => {
    const version = '2026-01-01T00-00-00-000Z-a1b2c3';
    expect(parsePredictRequest({ version }, 10)).toEqual({ kind: 'test-set', version });
    expect(parsePredictRequest({ version, images: [image()] }, 10)).toEqual({
      kind: 'images',
      images: [image()],
      version,
    });
  });

  it.each([
    ['a path', { version: '../rain' }],
    ['a number', { version: 7, images: [image()] }],
  ])('rejects a version that is %s with a message naming it', (_name, body) => {
    expect(() => parsePredictRequest(body, 2)).toThrow(/^version must be a model version id/);
  });

  it('says a pixel must be finite when JSON overflows it to -Infinity (-1e309), not "got number"', () => {
    const body = JSON.parse(`{"images": [[-1e309, ${image().slice(1).join(', ')}]]}`);
    expect(() => parsePredictRequest(body, 2)).toThrow(/^images\[0\]\[0\] must be a finite number, got -Infinity$/);
  });

  it('rejects NaN passed directly (not through JSON)', () => {
    expect(() => parsePredictRequest({ images: [[Number.NaN, ...image().slice(1)]] }, 2)).toThrow(/images\[0\]\[0\]/);
  });
});
