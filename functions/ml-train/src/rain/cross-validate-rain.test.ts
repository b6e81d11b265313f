import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWeatherCsv, rainExamples } from '@serverless-ml/rain-model';
import { leaveOneYearOutFolds } from './cross-validate-rain';

const examples = rainExamples(
  parseWeatherCsv(readFileSync(join(__dirname, '..', '..', '..', '..', 'data', 'weather.csv'), 'utf8')),
);
const years = (rows: { day: { date: string } }[]) => [...new Set(rows.map((e) => e.day.date.slice(0, 4)))].sort();

describe('leaveOneYearOutFolds', () => {
  it('holds out each training year once and never touches the test year', () => {
    const folds = leaveOneYearOutFolds(examples, 2015);

    expect(folds.map((f) => f.heldOutYear)).toEqual([2012, 2013, 2014]);
    for (const fold of folds) {
      expect(years(fold.validation)).toEqual([String(fold.heldOutYear)]);
      expect(years(fold.train)).toEqual(['2012', '2013', '2014'].filter((y) => y !== String(fold.heldOutYear)));
    }
    const seen = folds.reduce((n, f) => n + f.validation.length, 0);
    expect(seen).toBe(examples.filter((e) => e.day.date < '2015').length);
  });
});
