import { answerFormatOf, bodyFormatOf } from './content-negotiation';
import { NotAcceptableError, UnsupportedMediaTypeError } from './invocation-errors';

describe('bodyFormatOf', () => {
  it.each([
    ['text/csv', 'csv'],
    ['text/csv; charset=utf-8', 'csv'],
    ['TEXT/CSV; charset="UTF-8"', 'csv'],
    ['text/csv; label_size=0', 'csv'],
    ['application/json', 'json'],
    ['application/json;charset=us-ascii', 'json'],
  ])('reads %s as %s', (contentType, format) => {
    expect(bodyFormatOf(contentType)).toBe(format);
  });

  it.each([
    [
      'application/x-www-form-urlencoded',
      'Content-Type "application/x-www-form-urlencoded" is not supported: send text/csv or application/json',
    ],
    ['application/x-npy', 'Content-Type "application/x-npy" is not supported: send text/csv or application/json'],
    ['text/csv; charset=latin1', 'charset "latin1" is not supported: send UTF-8'],
    [undefined, 'the request has no Content-Type: send text/csv or application/json'],
  ])('answers 415 for %s, saying what is supported', (contentType, message) => {
    expect(() => bodyFormatOf(contentType)).toThrow(new UnsupportedMediaTypeError(message));
    expect(() => bodyFormatOf(contentType)).toThrow(expect.objectContaining({ statusCode: 415 }));
  });
});

describe('answerFormatOf', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['text/csv', 'csv'],
    ['text/*', 'csv'],
    ['text/html, text/csv;q=0.9', 'csv'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/csv;q=0, application/*', 'json'],
  ])('answers %s with %s', (accept, format) => {
    expect(answerFormatOf(accept)).toBe(format);
  });

  it.each(['text/html', 'application/xml, image/*', 'text/csv;q=0'])(
    'answers 406 for %s, naming what it can answer in',
    (accept) => {
      expect(() => answerFormatOf(accept)).toThrow(NotAcceptableError);
      expect(() => answerFormatOf(accept)).toThrow(/accept application\/json \(the default\) or text\/csv$/);
    },
  );
});
