import type { Clock } from '../clock/clock';
import { monthIn } from '../clock/time-zone-dates';
import { monthBefore } from '../clock/months';

// The release is a monthly snapshot (docs/access-and-privacy.md): months are 'YYYY-MM' strings.

/** A recording time as the service writes it (Date.toISOString): 'YYYY-MM-DDTHH:mm:ss.sssZ'. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The business month an event was recorded in, in its city's time zone. From the 2nd to the 27th
 * of a UTC month every zone (at most 14 hours off UTC) is in that month too, so the month is read
 * off the text: replays fold millions of events, and parsing each one's time is a share of it.
 */
export function recordedMonth(recordedAt: string, timeZone: string): string {
  // Compared as text, which two digits (the pattern checks them) order as their numbers: Number() cost more.
  const day = recordedAt.slice(8, 10);
  if (day >= '02' && day <= '27' && UTC_INSTANT.test(recordedAt)) return recordedAt.slice(0, 7);
  return monthIn(new Date(recordedAt), timeZone);
}

/**
 * The last month over in every city: nothing recorded from now on is dated in it (the decider
 * refuses dates after a city's today) nor recorded in it.
 */
export function lastCompleteMonth(clock: Clock, timeZones: readonly string[]): string {
  return monthBefore(timeZones.map((zone) => clock.today(zone).slice(0, 7)).reduce((a, b) => (a < b ? a : b)));
}
