/** The rain form as typed: a place (city or point) and today's weather (a recorded date or four observations). */
export interface RainForm {
  place: 'city' | 'point';
  city: string;
  country: string;
  lat: string;
  long: string;
  weather: 'date' | 'observed';
  date: string;
  precipitation: string;
  temp_max: string;
  temp_min: string;
  wind: string;
}

/** A recorded day in Seattle: works on the embedded stack, which has no live weather service. */
export const DEFAULT_RAIN_FORM: RainForm = {
  place: 'city',
  city: 'Seattle',
  country: 'US',
  lat: '47.61',
  long: '-122.33',
  weather: 'date',
  date: '2015-03-01',
  precipitation: '3',
  temp_max: '12',
  temp_min: '6',
  wind: '4',
};

const OBSERVATIONS = ['precipitation', 'temp_max', 'temp_min', 'wind'] as const;

/**
 * The `GET /rain-forecast` query for the form: only the chosen place and weather, blanks left
 * out (the API names anything missing or malformed; the console does not check twice).
 */
export function rainQuery(form: RainForm): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string) => {
    if (value.trim() !== '') params.set(name, value.trim());
  };
  if (form.place === 'city') {
    add('city', form.city);
    add('country', form.country);
  } else {
    add('lat', form.lat);
    add('long', form.long);
  }
  if (form.weather === 'date') add('date', form.date);
  else for (const name of OBSERVATIONS) add(name, form[name]);
  return `rain-forecast?${params}`;
}
