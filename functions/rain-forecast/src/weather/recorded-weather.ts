import { ValidationError } from '@serverless-ml/errors';
import { haversineKm as distanceKm } from '@serverless-ml/geo';
import { RECENT_WINDOW_DAYS, type RecordedDay, type TrainingPlace } from '@serverless-ml/rain-model';
import { SAME_PLACE_KM } from '../training-caveat';
import { addDays } from './day-arithmetic';
import type { WeatherProvider, WeatherReport, WeatherRequest } from './weather-provider';

interface RecordedCity {
  place: TrainingPlace;
  days: Map<string, RecordedDay>;
  /** First and last date that can be replayed (the last recorded day has no "next day"). */
  first: string;
  last: string;
}

function indexByCity(days: RecordedDay[], places: readonly TrainingPlace[]): RecordedCity[] {
  return places.flatMap((place) => {
    const mine = days.filter((d) => d.location === place.name);
    const byDate = new Map(mine.map((d) => [d.date, d]));
    const replayable = mine.map((d) => d.date).filter((date) => byDate.has(addDays(date, 1)));
    if (replayable.length === 0) return [];
    replayable.sort();
    return [{ place, days: byDate, first: replayable[0], last: replayable[replayable.length - 1] }];
  });
}

/**
 * `date=YYYY-MM-DD` replays a recorded day (data/weather.csv) for a recorded city within
 * SAME_PLACE_KM of the place, with the week before it and what happened the next day.
 */
export class RecordedWeather implements WeatherProvider {
  private cities?: Promise<RecordedCity[]>;

  constructor(
    private readonly loadDays: () => Promise<RecordedDay[]>,
    private readonly places: readonly TrainingPlace[],
  ) {}

  async report({ place, date }: WeatherRequest): Promise<WeatherReport | undefined> {
    if (date === undefined) return undefined;
    const cities = await this.recorded();
    const city = cities.find((c) => distanceKm(place, c.place) <= SAME_PLACE_KM);
    if (!city) {
      const names = cities.map((c) => `${c.place.name} (${c.place.country})`).join(', ');
      throw new ValidationError(
        `date replays recorded weather, which exists only for ${names}; ${place.name} is not within ` +
          `${SAME_PLACE_KM} km of one. Leave out date, or send today's precipitation, temp_max, temp_min and wind`,
      );
    }
    const today = city.days.get(date);
    const next = city.days.get(addDays(date, 1));
    if (!today || !next) {
      throw new ValidationError(
        `date ${date} is outside the recorded days of ${city.place.name}: ${city.first}..${city.last}`,
      );
    }
    const previous = Array.from({ length: RECENT_WINDOW_DAYS }, (_, i) => city.days.get(addDays(date, -(i + 1))));
    const strip = ({ location: _, ...day }: RecordedDay) => day;
    return {
      source: 'recorded',
      recordedAt: city.place.name,
      today: strip(today),
      previous: previous.filter((d) => d !== undefined).map(strip),
      actual: { date: next.date, precipitation: next.precipitation, rained: next.precipitation > 0 },
    };
  }

  /** Loaded once per container; a failed load is retried by the next request. */
  private recorded(): Promise<RecordedCity[]> {
    this.cities ??= this.loadDays()
      .then((days) => indexByCity(days, this.places))
      .catch((error: unknown) => {
        this.cities = undefined;
        throw error;
      });
    return this.cities;
  }
}
