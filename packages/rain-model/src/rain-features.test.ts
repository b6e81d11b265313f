import { rainExamples } from './rain-examples';
import { RAIN_FEATURE_NAMES, rainFeatures } from './rain-features';
import { TRAINING_PLACES } from './training-places';
import type { RecordedDay } from './types';

const SEATTLE = TRAINING_PLACES[0];
const feature = (values: Float32Array, name: string) => values[RAIN_FEATURE_NAMES.indexOf(name)];

function day(date: string, precipitation: number, temp_max = 10, temp_min = 5, wind = 3): RecordedDay {
  return { location: 'Seattle', date, precipitation, temp_max, temp_min, wind };
}

const WEEK = [
  day('2015-03-01', 0),
  day('2015-03-02', 4),
  day('2015-03-03', 0, 12, 6, 5),
  day('2015-03-04', 1.5, 9, 4, 2),
  day('2015-03-05', 0),
];

describe('rainFeatures', () => {
  it("ignores tomorrow: changing the next day's row changes the label, never today's features", () => {
    const wetTomorrow = [...WEEK.slice(0, 4), day('2015-03-05', 30, 25, -10, 20)];
    const before = rainExamples(WEEK).find((e) => e.day.date === '2015-03-04');
    const after = rainExamples(wetTomorrow).find((e) => e.day.date === '2015-03-04');
    if (!before || !after) throw new Error('no example for 2015-03-04');
    expect(after.label).not.toBe(before.label);
    expect(rainFeatures(after.day, SEATTLE, after.previous)).toEqual(
      rainFeatures(before.day, SEATTLE, before.previous),
    );
  });

  it('uses yesterday and the last week when they are given', () => {
    const today = WEEK[3];
    const values = rainFeatures(today, SEATTLE, [WEEK[2], WEEK[1], WEEK[0]]);
    expect(values).toHaveLength(RAIN_FEATURE_NAMES.length);
    expect(feature(values, 'precipitation_yesterday')).toBe(0);
    expect(feature(values, 'temp_max_change')).toBe(-3);
    expect(feature(values, 'wet_day_share')).toBe(0.5);
    expect(feature(values, 'precipitation_week_mean')).toBeCloseTo(5.5 / 4, 6);
  });

  it('imputes missing recent days as "like today" and ignores days outside the last week', () => {
    const today = WEEK[3];
    const imputed = rainFeatures(today, SEATTLE, []);
    expect(feature(imputed, 'precipitation_yesterday')).toBe(1.5);
    expect(feature(imputed, 'temp_max_change')).toBe(0);
    expect(feature(imputed, 'wet_day_share')).toBe(1);
    expect(feature(imputed, 'temp_max_anomaly')).toBe(0);
    const stale = [day('2015-02-01', 9), day('2015-03-04', 9), day('2015-03-05', 9)];
    expect(rainFeatures(today, SEATTLE, stale)).toEqual(imputed);
  });

  it('shifts the season by half a year south of the equator', () => {
    const north = rainFeatures(day('2015-01-15', 0), SEATTLE, []);
    const south = rainFeatures(day('2015-07-16', 0), { latitude: -33.87, longitude: 151.21 }, []);
    expect(feature(north, 'season_cos')).toBeGreaterThan(0.9);
    expect(feature(south, 'season_cos')).toBeCloseTo(feature(north, 'season_cos'), 1);
  });

  it('depends on the place only through its hemisphere', () => {
    const today = WEEK[3];
    const elsewhere = { latitude: 1, longitude: 10 };
    expect(rainFeatures(today, elsewhere, [])).toEqual(rainFeatures(today, TRAINING_PLACES[1], []));
  });

  it('rejects a bad date or latitude', () => {
    expect(() => rainFeatures(day('2015-13-01', 0), SEATTLE, [])).toThrow('today.date "2015-13-01"');
    expect(() => rainFeatures(WEEK[0], { latitude: 91, longitude: 0 }, [])).toThrow('latitude 91');
  });
});

describe('rainExamples', () => {
  it('labels each day by the next day and skips days whose next day is missing', () => {
    const examples = rainExamples([WEEK[0], WEEK[1], WEEK[3], WEEK[4]]);
    expect(examples.map((e) => [e.day.date, e.label])).toEqual([
      ['2015-03-01', 1],
      ['2015-03-04', 0],
    ]);
    expect(examples[1].previous.map((d) => d.date)).toEqual(['2015-03-02', '2015-03-01']);
  });
});
