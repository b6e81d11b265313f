/** One day of weather at one place, as NOAA records it (and as the API accepts it). */
export interface DayObservation {
  /** YYYY-MM-DD */
  date: string;
  /** mm */
  precipitation: number;
  /** °C */
  temp_max: number;
  /** °C */
  temp_min: number;
  /** m/s */
  wind: number;
}

/** A recorded day with the place it was recorded at (a row of data/weather.csv). */
export interface RecordedDay extends DayObservation {
  /** e.g. "Seattle", "New York" */
  location: string;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A place the model was trained on. */
export interface TrainingPlace extends GeoPoint {
  name: string;
  country: string;
}
