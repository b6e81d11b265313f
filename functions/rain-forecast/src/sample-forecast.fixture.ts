import type { RainForecast } from './forecast-rain';

/** A replayed Seattle forecast, for tests of the output formats. */
export const sampleForecast: RainForecast = {
  probability: 0.7345,
  rainTomorrow: true,
  forecastFor: '2015-06-02',
  place: {
    name: 'Seattle',
    country: 'US',
    countryName: 'United States of America',
    population: 684451,
    latitude: 47.60621,
    longitude: -122.33207,
    match: 'city',
  },
  observations: {
    source: 'recorded',
    recordedAt: 'Seattle',
    today: { date: '2015-06-01', precipitation: 4.6, temp_max: 16.1, temp_min: 11.7, wind: 3.4 },
    previous: [{ date: '2015-05-31', precipitation: 0, temp_max: 25, temp_min: 11.7, wind: 2.2 }],
  },
  actual: { date: '2015-06-02', precipitation: 0.5, rained: true, forecastWasRight: true },
  modelVersion: '2026-01-01T00-00-00-000Z-abcdef',
  caveat: {
    level: 'trained-here',
    nearestTrainingPlace: { name: 'Seattle', country: 'US', distanceKm: 0 },
    message: 'The model was trained on weather recorded in Seattle (US), 0 km away.',
  },
  requestId: 'req-1',
  logged: true,
};
