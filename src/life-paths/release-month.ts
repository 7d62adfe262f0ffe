import type { Clock } from '../clock/clock';
import { dateIn } from '../clock/time-zone-dates';
import type { CalendarDate } from '../journey/domain/vocabulary';

// The release is a monthly snapshot (docs/access-and-privacy.md): months are 'YYYY-MM' strings.

/** The business month an event was recorded in, in its city's time zone. */
export const recordedMonth = (recordedAt: string, timeZone: string): string => dateIn(new Date(recordedAt), timeZone).slice(0, 7);

/**
 * The last month over in every city: nothing recorded from now on is dated in it (the decider
 * refuses dates after a city's today) nor recorded in it.
 */
export function lastCompleteMonth(clock: Clock, timeZones: readonly string[]): string {
  return monthBefore(timeZones.map((zone) => clock.today(zone).slice(0, 7)).reduce((a, b) => (a < b ? a : b)));
}

/** '2026-01' → '2025-12'. */
export function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** '2026-02' → '2026-02-28'. */
export function lastDayOf(month: string): CalendarDate {
  const [year, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}
