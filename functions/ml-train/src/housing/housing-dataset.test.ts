import { HOUSING_CSV_COLUMNS } from './housing-contract';
import { categoryNames, parseHousingCsv, splitHousingRows } from './housing-dataset';
import { realHousing } from './housing-fixture';

const HEADER = HOUSING_CSV_COLUMNS.join(',');
const GOOD = '-122.23,37.88,41.0,880.0,129.0,322.0,126.0,8.3252,452600.0,NEAR BAY';

describe('parseHousingCsv', () => {
  it('parses numbers in CSV order, the target and the category; an empty total_bedrooms is NaN', () => {
    const { rows, dataRows, invalid } = parseHousingCsv(
      `${HEADER}\r\n${GOOD}\r\n-121.0,38.0,5,100,,50,20,2.5,100000,<1H OCEAN\r\n`,
    );
    expect(dataRows).toBe(2);
    expect(invalid.count).toBe(0);
    expect(Array.from(rows.numeric.subarray(0, 8))).toEqual([-122.23, 37.88, 41, 880, 129, 322, 126, 8.3252]);
    expect(Number.isNaN(rows.numeric[8 + 4])).toBe(true);
    expect(Array.from(rows.target)).toEqual([452600, 100000]);
    expect(categoryNames(rows)).toEqual(['NEAR BAY', '<1H OCEAN']);
    expect(Array.from(rows.rowIndex)).toEqual([0, 1]);
  });

  it('reports bad rows with their line and reason instead of keeping them', () => {
    const bad = [
      GOOD.replace(',NEAR BAY', ''),
      GOOD.replace('41.0', 'forty'),
      GOOD.replace('880.0', '1e999'),
      GOOD.replace('37.88', ''),
      GOOD.replace('452600.0', ''),
      GOOD.replace('NEAR BAY', 'MOON'),
      GOOD.replace('322.0', 'NaN'),
    ];
    const { rows, invalid, dataRows } = parseHousingCsv([HEADER, GOOD, ...bad, GOOD].join('\n'));

    expect(rows.count).toBe(2);
    expect(dataRows).toBe(9);
    expect(invalid.count).toBe(7);
    expect(invalid.examples).toEqual([
      { line: 3, reason: 'expected 10 columns, got 9' },
      { line: 4, reason: 'housing_median_age "forty" is not a number' },
      { line: 5, reason: 'total_rooms "1e999" is not finite' },
      { line: 6, reason: 'latitude is empty' },
      { line: 7, reason: 'median_house_value is empty' },
    ]);
    // The last good row keeps its place in the file: data row 8.
    expect(Array.from(rows.rowIndex)).toEqual([0, 8]);
  });

  it('rejects a file whose header is not the housing columns', () => {
    expect(() => parseHousingCsv(`a,b,c\n${GOOD}`)).toThrow(/line 1: header must be "longitude,latitude,/);
  });

  it('rejects a file without one valid row', () => {
    expect(() => parseHousingCsv(`${HEADER}\nx\n`)).toThrow('no valid data rows (1 data rows, 1 invalid)');
  });

  it('reads data/housing.csv whole: 20640 rows, 207 empty total_bedrooms, five categories', () => {
    const { rows, dataRows, invalid } = realHousing();
    expect([dataRows, rows.count, invalid.count]).toEqual([20640, 20640, 0]);
    let empty = 0;
    for (let i = 0; i < rows.count; i++) if (Number.isNaN(rows.numeric[i * 8 + 4])) empty++;
    expect(empty).toBe(207);
    expect(new Set(categoryNames(rows)).size).toBe(5);
  });
});

describe('splitHousingRows', () => {
  it('tests data row i when i % 5 == 4: 16512 train and 4128 test rows', () => {
    const { train, test } = splitHousingRows(realHousing().rows);
    expect([train.count, test.count]).toEqual([16512, 4128]);
    expect(Array.from(test.rowIndex.subarray(0, 3))).toEqual([4, 9, 14]);
    expect(train.rowIndex.every((i) => i % 5 !== 4)).toBe(true);
  });

  it('keys on the row index in the file, so a bad row does not move the others between train and test', () => {
    const csv = [HEADER, GOOD, GOOD, 'bad', GOOD, GOOD, GOOD].join('\n');
    const { test } = splitHousingRows(parseHousingCsv(csv).rows);
    expect(Array.from(test.rowIndex)).toEqual([4]);
  });
});
