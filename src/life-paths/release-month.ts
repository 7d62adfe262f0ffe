import type { Clock } from '../clock/clock';
import { monthIn } from '../clock/time-zone-dates';
import { monthBefore } from '../clock/months';

// The release is a monthly snapshot (docs/access-and-privacy.md): months are 'YYYY-MM' strings.

/** The business month an event was recorded in, in its city's time zone. */
export const recordedMonth = (recordedAt: string, timeZone: string): string => monthIn(new Date(recordedAt), timeZone);

/**
 * The last month over in every city: nothing recorded from now on is dated in it (the decider
 * refuses dates after a city's today) nor recorded in it.
 */
export function lastCompleteMonth(clock: Clock, timeZones: readonly string[]): string {
  return monthBefore(timeZones.map((zone) => clock.today(zone).slice(0, 7)).reduce((a, b) => (a < b ? a : b)));
}
