import { formatMetric, formatTime, newestFirst, plotSrc } from './registry';

describe('formatMetric', () => {
  it('keeps counts whole and rounds ratios to 4 significant digits', () => {
    expect(formatMetric(871)).toBe('871');
    expect(formatMetric(0.968854)).toBe('0.9689');
    expect(formatMetric(46107.0096)).toBe('46,107');
    expect(formatMetric(-0.0001234)).toBe('-0.0001234');
  });
});

describe('newestFirst', () => {
  it('orders versions by id, newest first, without changing the input', () => {
    const versions = [
      { version: '2026-01-01T00-00-00-000Z-aaaaaa', promoted: true },
      { version: '2026-01-02T00-00-00-000Z-bbbbbb', promoted: false },
    ];
    expect(newestFirst(versions).map((v) => v.version[9])).toEqual(['2', '1']);
    expect(versions[0].promoted).toBe(true);
  });
});

describe('plotSrc and formatTime', () => {
  it('makes an API path relative to the console and shows times in UTC', () => {
    expect(plotSrc('/models/digits/versions/v1/plots/confusion.svg')).toBe(
      'models/digits/versions/v1/plots/confusion.svg',
    );
    expect(formatTime('2026-12-01T10:05:09.000Z')).toBe('2026-12-01 10:05 UTC');
    expect(formatTime(undefined)).toBe('–');
  });
});
