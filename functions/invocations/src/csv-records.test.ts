import { CsvSyntaxError, csvRecords } from './csv-records';

const records = (text: string) => [...csvRecords(text)];

function syntaxError(text: string): CsvSyntaxError {
  try {
    records(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error(`no CsvSyntaxError for ${JSON.stringify(text)}`);
}

describe('csvRecords', () => {
  it('splits fields at commas and records at LF or CRLF', () => {
    expect(records('1,2,3\n4,5,6\r\n7,8,9')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes (RFC 4180)', () => {
    expect(records('"a,b","line\nbreak","say ""hi""",plain\r\n')).toEqual([
      ['a,b', 'line\nbreak', 'say "hi"', 'plain'],
    ]);
  });

  it('keeps empty fields: between commas, at the end of a line and at the end of the text', () => {
    expect(records('1,,3\n4,5,\n,,')).toEqual([
      ['1', '', '3'],
      ['4', '5', ''],
      ['', '', ''],
    ]);
  });

  it('reads an empty quoted field as empty', () => {
    expect(records('"",1')).toEqual([['', '1']]);
  });

  it('skips a BOM, blank lines and a trailing line break', () => {
    expect(records('\uFEFF1,2\n\n\r\n3,4\n\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(records('')).toEqual([]);
  });

  it('names the record and field of a quoted field that is never closed', () => {
    const error = syntaxError('1,2\n3,"4\n5,6');
    expect(error).toMatchObject({ record: 2, field: 2, problem: 'a quoted field is never closed' });
  });

  it('refuses text after a closing quote', () => {
    expect(syntaxError('"a"b,1')).toMatchObject({
      record: 1,
      field: 1,
      problem: 'a quoted field must end at a comma or a line break, got "b" after its closing quote',
    });
  });

  it('refuses a quote inside an unquoted field, saying how to quote it', () => {
    expect(syntaxError('1,2\n3,4"5')).toMatchObject({
      record: 2,
      field: 2,
      problem: expect.stringMatching(/double the "/),
    });
  });

  it('yields records one at a time, so a reader can stop early', () => {
    const iterator = csvRecords('1\n2\n"never closed');
    expect(iterator.next().value).toEqual(['1']);
    expect(iterator.next().value).toEqual(['2']);
    expect(() => iterator.next()).toThrow(CsvSyntaxError);
  });
});
