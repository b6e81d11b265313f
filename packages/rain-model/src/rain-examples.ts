import { requireDayNumber } from './calendar';
import { RECENT_WINDOW_DAYS } from './rain-features';
import type { DayObservation, RecordedDay } from './types';

/** The label: 1 when the next day at the same place had any precipitation, else 0. */
export function rainTomorrowLabel(tomorrow: DayObservation): 0 | 1 {
  return tomorrow.precipitation > 0 ? 1 : 0;
}

/** A recorded day, the days before it (newest first, at most a week) and whether it rained the day after. */
export interface RainExample {
  day: RecordedDay;
  previous: RecordedDay[];
  label: 0 | 1;
}

/**
 * Training examples from recorded days: one per day whose next calendar day is recorded at the same
 * location (the last day of each series has no label). Sorted by location, then date. The next day
 * is used only for the label; `previous` holds only earlier days.
 */
export function rainExamples(days: RecordedDay[]): RainExample[] {
  const byLocation = new Map<string, Map<number, RecordedDay>>();
  for (const day of days) {
    const series = byLocation.get(day.location) ?? new Map<number, RecordedDay>();
    series.set(requireDayNumber(day.date), day);
    byLocation.set(day.location, series);
  }
  const examples: RainExample[] = [];
  for (const location of [...byLocation.keys()].sort()) {
    const series = byLocation.get(location) ?? new Map<number, RecordedDay>();
    for (const n of [...series.keys()].sort((a, b) => a - b)) {
      const tomorrow = series.get(n + 1);
      if (!tomorrow) continue;
      const previous: RecordedDay[] = [];
      for (let ago = 1; ago <= RECENT_WINDOW_DAYS; ago++) {
        const earlier = series.get(n - ago);
        if (earlier) previous.push(earlier);
      }
      const day = series.get(n);
      if (day) examples.push({ day, previous, label: rainTomorrowLabel(tomorrow) });
    }
  }
  return examples;
}
