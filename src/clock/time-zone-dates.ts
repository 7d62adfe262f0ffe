import type { CalendarDate } from '../journey/domain/vocabulary';

/** A UTC day: no zone's clock is this far off UTC. */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than any day, daylight saving time included: an instant this much later is on another day. */
const TWO_DAYS_MS = 2 * DAY_MS;

// Building a DateTimeFormat costs far more than using one; a service knows a handful of zones.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date an instant falls on in an IANA time zone (throws RangeError for an unknown zone). */
export function dateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = formatIn(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The month ('YYYY-MM') an instant falls in, in an IANA time zone: `dateIn`'s month, worked out
 * without Intl for most instants (a replay asks it for every event, and formatting costs
 * microseconds). No zone is a day or more off UTC, so an instant more than a day from either end
 * of its UTC month is in that month in every zone; only those near a month's turn are formatted.
 */
export function monthIn(instant: Date, timeZone: string): string {
  // Throws for a zone Intl does not know, as dateIn does, whatever the instant.
  formatIn(timeZone);
  const at = instant.getTime();
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  const inMonth = at - Date.UTC(year, month, 1) >= DAY_MS && Date.UTC(year, month + 1, 1) - at > DAY_MS;
  if (inMonth && year >= 1000 && year <= 9999) return `${year}-${String(month + 1).padStart(2, '0')}`;
  return dateIn(instant, timeZone).slice(0, 7);
}

/**
 * The first instant after `instant` that falls on the next day in `timeZone`: its midnight, or the
 * hour the day starts with where a daylight saving change skips midnight (America/Santiago).
 * Found by halving the interval, so it needs no offset arithmetic and holds for every zone.
 */
export function nextMidnight(instant: Date, timeZone: string): Date {
  const today = dateIn(instant, timeZone);
  let onToday = instant.getTime();
  let after = onToday + TWO_DAYS_MS;
  while (after - onToday > 1) {
    const middle = Math.floor((onToday + after) / 2);
    if (dateIn(new Date(middle), timeZone) === today) onToday = middle;
    else after = middle;
  }
  return new Date(after);
}
