// Calendar dates as day numbers (days since 1970-01-01), computed without reading a clock.
import type { CalendarDate } from '../journey/domain/vocabulary';

/** Day number of an ISO date ('2007-05-14'). */
export function dayOf(date: CalendarDate): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO date of a day number. */
export function dateOf(day: number): CalendarDate {
  // Howard Hinnant's civil_from_days.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export const yearOf = (day: number): number => Number(dateOf(day).slice(0, 4));

/** 0 = Sunday ... 6 = Saturday. */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/**
 * The working day nearest after `day` within [lo, hi], else the nearest before it, else `day`
 * itself clamped to [lo, hi]: advisers record milestones on working days.
 */
export function workingDay(day: number, lo: number, hi: number): number {
  const d = Math.min(Math.max(day, lo), hi);
  const w = weekdayOf(d);
  const forward = w === 6 ? d + 2 : w === 0 ? d + 1 : d;
  if (forward <= hi) return forward;
  const backward = w === 6 ? d - 1 : w === 0 ? d - 2 : d;
  return backward >= lo ? backward : d;
}
