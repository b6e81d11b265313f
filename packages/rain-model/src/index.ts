// Shared by ml-train (training the rain model) and rain-forecast (serving it): the same
// features on both sides.
export { dayNumber, isoDate, seasonAngle } from './calendar';
export { type RainExample, rainExamples, rainTomorrowLabel } from './rain-examples';
export {
  RAIN_FEATURE_DESCRIPTIONS,
  RAIN_FEATURE_NAMES,
  RECENT_DAYS_IMPUTATION,
  RECENT_WINDOW_DAYS,
  rainFeatures,
} from './rain-features';
export { TRAINING_PLACES, trainingPlace } from './training-places';
export type { DayObservation, GeoPoint, RecordedDay, TrainingPlace } from './types';
export { parseWeatherCsv } from './weather-csv';
