import type { TrainingPlace } from './types';

/**
 * The places in data/weather.csv, keyed by its `location` column. Coordinates are the city
 * centres (the dataset does not name its NOAA stations); both are mid-latitude, northern
 * hemisphere and coastal, which bounds where the model can be trusted.
 */
export const TRAINING_PLACES: TrainingPlace[] = [
  { name: 'Seattle', country: 'US', latitude: 47.6062, longitude: -122.3321 },
  { name: 'New York', country: 'US', latitude: 40.7128, longitude: -74.006 },
];

/** The training place recorded as `location` in the CSV; throws naming it when it is unknown. */
export function trainingPlace(location: string): TrainingPlace {
  const place = TRAINING_PLACES.find((p) => p.name === location);
  if (!place) throw new RangeError(`unknown location "${location}": add it to TRAINING_PLACES with its coordinates`);
  return place;
}
