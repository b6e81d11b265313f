import { bytesPerRow, dataStartOf } from './csv-header';

const bytes = (text: string) => new TextEncoder().encode(text);
const FEATURES = ['a', 'b', 'ocean'];

describe('dataStartOf', () => {
  it('starts after a header that names the features in order (LF, CRLF, BOM, spaces)', () => {
    expect(dataStartOf(bytes('a,b,ocean\n1,2,x\n'), FEATURES)).toBe(10);
    expect(dataStartOf(bytes('a, b ,ocean\r\n1,2,x\r\n'), FEATURES)).toBe(13);
    expect(dataStartOf(bytes('\uFEFFa,b,ocean\n1,2,x\n'), FEATURES)).toBe(13);
  });

  it('starts at byte 0 when the first line is a row', () => {
    expect(dataStartOf(bytes('1,2,x\n3,4,y\n'), FEATURES)).toBe(0);
    expect(dataStartOf(bytes('1,2,x'), FEATURES)).toBe(0);
  });

  it('refuses a header with the target or in another order, naming the expected columns', () => {
    expect(() => dataStartOf(bytes('a,b,price,ocean\n'), FEATURES, 'price')).toThrow(
      'the columns must be exactly: a, b, ocean, without the target price',
    );
    expect(() => dataStartOf(bytes('b,a,ocean\n'), FEATURES)).toThrow('looks like a header');
  });
});

describe('bytesPerRow', () => {
  it('averages whole lines after the header and ignores a cut last line', () => {
    expect(bytesPerRow(bytes('h\n1234\n12\n1234567'), 2)).toBe(4);
    expect(bytesPerRow(bytes('no line break'), 0)).toBe(13);
  });
});
