import type { CalendarDate } from '../journey/domain/vocabulary';
import { lastDayOf, monthAfter } from '../clock/months';

/** The last day of each month from `from`'s to `to`'s, those on or before `to` only: '2008-01-15'..'2008-03-10' → January's and February's. */
export function monthEndsFrom(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const ends: CalendarDate[] = [];
  for (let month = from.slice(0, 7); lastDayOf(month) <= to; month = monthAfter(month)) ends.push(lastDayOf(month));
  return ends;
}
