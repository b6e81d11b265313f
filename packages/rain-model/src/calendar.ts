const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` date; `undefined` unless it is a real calendar date. */
export function dayNumber(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2015-02-30 over to March: reject dates that do not survive the round trip.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return ms / MS_PER_DAY;
}

/** The `YYYY-MM-DD` date of a day number (the inverse of `dayNumber`). */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Like `dayNumber`, but throws a RangeError naming the bad value. */
export function requireDayNumber(date: string, what = 'date'): number {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`${what} "${date}" is not a YYYY-MM-DD calendar date`);
  return day;
}

/**
 * Position in the seasonal cycle as an angle (radians, 0 = 1 January in the north). South of the
 * equator the seasons are half a year apart, so the angle is shifted by π: 1 July in Sydney
 * gets the angle of 1 January in Seattle (midwinter on both).
 */
export function seasonAngle(date: string, latitude: number): number {
  const day = requireDayNumber(date);
  const yearStart = Date.UTC(new Date(day * MS_PER_DAY).getUTCFullYear(), 0, 1) / MS_PER_DAY;
  const angle = (2 * Math.PI * (day - yearStart)) / 365.25;
  return latitude < 0 ? angle + Math.PI : angle;
}
