import * as z from 'zod/mini';
import { numberParam, readNumber } from './number-param';

const lat = { min: -90, max: 90 };

describe('readNumber', () => {
  it.each([
    ['12', 12],
    ['-77.066176', -77.066176],
    ['+.5', 0.5],
    ['1e-3', 0.001],
    [45, 45],
  ])('reads %j as %d', (value, expected) => {
    expect(readNumber(value, lat)).toBe(expected);
  });

  it.each([
    ['abc', 'must be a number, got "abc"'],
    ['0x10', 'must be a number, got "0x10"'],
    ['NaN', 'must be a number, got "NaN"'],
    ['Infinity', 'must be a number, got "Infinity"'],
    ['1,2', 'must be a number, got "1,2"'],
    ['1e999', 'must be a finite number, got "1e999"'],
    ['-1e309', 'must be a finite number, got "-1e309"'],
    [Number.NEGATIVE_INFINITY, 'must be a finite number, got -Infinity'],
    ['91', 'must be between -90 and 90, got 91'],
  ])('refuses %j: %s', (value, problem) => {
    expect(readNumber(value, lat)).toEqual({ problem });
  });

  it('refuses a fraction where a whole number is wanted, and prints the unit with the bounds', () => {
    expect(readNumber('1.5', { min: 1, max: 50, whole: true })).toEqual({
      problem: 'must be a whole number, got "1.5"',
    });
    expect(readNumber(2.5, { min: 1, max: 50, whole: true })).toEqual({ problem: 'must be a whole number, got 2.5' });
    expect(readNumber('-1', { min: 0, max: 2000, unit: ' mm' })).toEqual({
      problem: 'must be between 0 and 2000 mm, got -1',
    });
  });
});

describe('numberParam', () => {
  const schema = z.object({ lat: numberParam(lat) });
  const message = (input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? result.data : result.error.issues[0].message;
  };

  it('parses query text and direct-invocation numbers alike', () => {
    expect(message({ lat: '39.15' })).toEqual({ lat: 39.15 });
    expect(message({ lat: 39.15 })).toEqual({ lat: 39.15 });
  });

  it('names a missing value, a value of the wrong type and a non-finite one', () => {
    expect(message({})).toBe('is required');
    expect(message({ lat: true })).toBe('must be a number, got boolean');
    expect(message({ lat: '1e999' })).toBe('must be a finite number, got "1e999"');
    expect(message({ lat: Number.NaN })).toBe('must be a finite number, got NaN');
    expect(message({ lat: Number.POSITIVE_INFINITY })).toBe('must be a finite number, got Infinity');
  });
});
