import { DEFAULT_RAIN_FORM, rainQuery } from './rain-query';

describe('rainQuery', () => {
  it('asks for a city on a recorded day by default', () => {
    expect(rainQuery(DEFAULT_RAIN_FORM)).toBe('rain-forecast?city=Seattle&country=US&date=2015-03-01');
  });

  it('sends a point with four observations, trimmed, and nothing of the other choices', () => {
    const query = rainQuery({ ...DEFAULT_RAIN_FORM, place: 'point', lat: ' -33.92 ', weather: 'observed' });
    expect(query).toBe('rain-forecast?lat=-33.92&long=-122.33&precipitation=3&temp_max=12&temp_min=6&wind=4');
  });

  it('leaves blanks out so the API can name what is missing', () => {
    expect(rainQuery({ ...DEFAULT_RAIN_FORM, country: '', date: '' })).toBe('rain-forecast?city=Seattle');
  });
});
