import type { CalendarDate } from '../journey/domain/vocabulary';

/** Longer than any day, daylight saving time included: an instant this much later is on another day. */
const TWO_DAYS_MS = 2 * 24 * 60 * 60 * 1000;

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
