import { parseWeatherCsv } from './weather-csv';

const HEADER = 'location,date,precipitation,temp_max,temp_min,wind,weather';

describe('parseWeatherCsv', () => {
  it('reads rows, ignores the synthesized weather column and tolerates CRLF and a trailing newline', () => {
    const days = parseWeatherCsv(`${HEADER}\r\nSeattle,2012-01-02,10.9,10.6,2.8,4.5,rain\r\n`);
    expect(days).toEqual([
      { location: 'Seattle', date: '2012-01-02', precipitation: 10.9, temp_max: 10.6, temp_min: 2.8, wind: 4.5 },
    ]);
  });

  it.each([
    ['Seattle,2012-01-01,x,1,0,2,rain', 'line 2: precipitation "x" is not a number'],
    ['Seattle,2012-01-01,,1,0,2,rain', 'line 2: precipitation "" is not a number'],
    ['Seattle,2012-02-30,0,1,0,2,rain', 'line 2: date "2012-02-30" is not a YYYY-MM-DD calendar date'],
    ['Seattle,2012-01-01,-1,1,0,2,rain', 'line 2: precipitation -1 is outside 0..2000'],
    ['Seattle,2012-01-01,0,1,3,2,rain', 'line 2: temp_min 3 is above temp_max 1'],
    ['Seattle,2012-01-01,0,1,0,rain', 'line 2: expected 7 cells, found 6'],
    [',2012-01-01,0,1,0,2,rain', 'line 2: location is empty'],
  ])('rejects %s', (row, message) => {
    expect(() => parseWeatherCsv(`${HEADER}\n${row}\n`)).toThrow(message);
  });

  it('names both lines of a day recorded twice', () => {
    const row = 'Seattle,2012-01-01,0,1,0,2,sun';
    expect(() => parseWeatherCsv(`${HEADER}\n${row}\n${row}\n`)).toThrow(
      'line 3: Seattle 2012-01-01 is already on line 2',
    );
  });

  it('rejects a header without the needed columns', () => {
    expect(() => parseWeatherCsv('location,date,rain\nSeattle,2012-01-01,1\n')).toThrow(
      'line 1: header must have the columns location,date,precipitation,temp_max,temp_min,wind',
    );
    expect(() => parseWeatherCsv('')).toThrow('line 1: the CSV is empty');
  });
});
