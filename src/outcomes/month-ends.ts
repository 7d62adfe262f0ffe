import type { CalendarDate } from '../journey/domain/vocabulary';
import { lastDayOf } from '../life-paths/release-month';

/** The last day of each month from `from`'s to `to`'s, those on or before `to` only: '2008-01-15'..'2008-03-10' → January's and February's. */
export function monthEndsFrom(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const ends: CalendarDate[] = [];
  for (let month = from.slice(0, 7); lastDayOf(month) <= to; month = monthAfter(month)) ends.push(lastDayOf(month));
  return ends;
}

/** '2025-12' → '2026-01'. */
const monthAfter = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};
