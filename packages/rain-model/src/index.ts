// Shared by ml-train (training the rain model) and rain-forecast (serving it): the same
// features on both sides. Implemented in feature files next to this one.
export type { DayObservation, GeoPoint, RecordedDay, TrainingPlace } from './types';
