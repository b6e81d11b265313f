import { parseCsvRecords } from './csv-records';

describe('parseCsvRecords', () => {
  it('splits quoted fields holding commas, escaped quotes and line breaks, with their line numbers', () => {
    const text =
      '\uFEFFid,name\r\n1,"Reading Muni,Gen Carl A Spaatz"\r\n\r\n2,"W. H. ""Bud"" Barron"\n3,"two\nlines"\n4,x';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'Reading Muni,Gen Carl A Spaatz'] },
      { line: 4, fields: ['2', 'W. H. "Bud" Barron'] },
      { line: 5, fields: ['3', 'two\nlines'] },
      { line: 7, fields: ['4', 'x'] },
    ]);
  });

  it('keeps empty fields', () => {
    expect(parseCsvRecords('a,,\n')).toEqual([{ line: 1, fields: ['a', '', ''] }]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsvRecords('id,name\n1,"open\n2,x\n')).toThrow('quoted field opened on line 2');
  });
});
