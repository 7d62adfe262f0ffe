import type { CalendarDate } from '../journey/domain/vocabulary';

/** A UTC day: no zone's clock is this far off UTC. */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than any day, daylight saving time included: an instant this much later is on another day. */
const TWO_DAYS_MS = 2 * DAY_MS;

// Building a DateTimeFormat costs far more than using one; a service knows a handful of zones.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, fields: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, ...fields });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date an instant falls on in an IANA time zone (throws RangeError for an unknown zone). */
export function dateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = formatIn(dayFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The month ('YYYY-MM') an instant falls in, in an IANA time zone: `dateIn`'s month, worked out
 * without Intl for most instants (a replay asks it for every event, and formatting costs
 * microseconds). No zone is a day or more off UTC, so an instant more than a day from either end
 * of its UTC month is in that month in every zone; only those near a month's turn are formatted,
 * as a month and a year alone: a plain string costs a third of `dateIn`'s parts.
 */
export function monthIn(instant: Date, timeZone: string): string {
  // Throws for a zone Intl does not know, as dateIn does, whatever the instant.
  const format = formatIn(monthFormats, timeZone, { year: 'numeric', month: '2-digit' });
  const at = instant.getTime();
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  const inMonth = at - Date.UTC(year, month, 1) >= DAY_MS && Date.UTC(year, month + 1, 1) - at > DAY_MS;
  if (inMonth && year >= 1000 && year <= 9999) return `${year}-${String(month + 1).padStart(2, '0')}`;
  // 'MM/YYYY' in en-US; any other shape (a year not of four digits, another ICU's pattern) is read from the parts.
  const formatted = MONTH_AND_YEAR.exec(format.format(instant));
  return formatted === null ? dateIn(instant, timeZone).slice(0, 7) : `${formatted[2]}-${formatted[1]}`;
}

/** How en-US formats a month of a year of four digits. */
const MONTH_AND_YEAR = /^(\d{2})\/(\d{4})$/;

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
